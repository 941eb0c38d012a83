import {
  KyselyPlugin,
  OperationNodeTransformer,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  PrimitiveValueListNode,
  QueryResult,
  RootOperationNode,
  UnknownRow,
  ValueNode,
} from 'kysely';

/** U+FFFD, the replacement character: shows that something unstorable stood there. */
const REPLACEMENT = '\uFFFD';

const storable = (value: unknown) => (typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', REPLACEMENT) : value);

class ReplaceNul extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return super.transformValue({ ...node, value: storable(node.value) });
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return super.transformPrimitiveValueList({ ...node, values: node.values.map(storable) });
  }
}

/**
 * PostgreSQL text cannot hold NUL (SQLSTATE 22021); SQLite's can, and the log keeps whatever
 * was recorded. One NUL in a retraction reason stopped the PostgreSQL projection for every
 * project, also on rebuild. Read models are derived, so NUL is written as U+FFFD there; the log
 * keeps the original, and live and replay still agree.
 */
export class PostgresTextPlugin implements KyselyPlugin {
  private readonly transformer = new ReplaceNul();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
