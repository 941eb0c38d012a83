# One image for both processes: `node dist/apps/api/...` (default) and `node dist/apps/projector/...`.
# Node 24 LTS (Node 20 reached end of life on 2026-04-30). Both stages use the same pinned
# release: better-sqlite3 is compiled in the first against its Node's ABI and must load in the
# second. The version is the one CI tests (scripts/with-node24.sh); bump the two together.
ARG NODE_VERSION=24.22.3

FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Optional dependencies stay: they include the KurrentDB client's native bridge for this
# platform (@kurrent/bridge-linux-*), which the production event store loads on first use.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
