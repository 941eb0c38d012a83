import { initialJs, INITIAL_JS_BUDGET_BYTES } from './web-bundle';

/**
 * CI's check of the JavaScript budget (`npm run check:web-budget`, after `npm run build`): fails
 * when the app's initial JavaScript is over 300 KB compressed, by gzip or by Brotli. The
 * benchmark (`npm run bench -- web`) reports the same sizes beside its timings.
 */
const js = initialJs();
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const over = (['gzip', 'brotli'] as const).filter((kind) => js[kind] > INITIAL_JS_BUDGET_BYTES);
console.log(
  `Initial JavaScript (${js.files.join(', ')}): ${kb(js.raw)} raw, ${kb(js.gzip)} gzip, ${kb(js.brotli)} brotli; budget ${kb(INITIAL_JS_BUDGET_BYTES)} compressed`,
);
if (over.length > 0) {
  console.error(`Over budget (${over.join(' and ')}): load the new code lazily (import()) or find what grew with \`npx vite build --config apps/web/vite.config.ts\`.`);
  process.exitCode = 1;
}
