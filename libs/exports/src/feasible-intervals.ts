import loadHighs, { Highs } from 'highs';
import { Line, LinkedTable } from './linked-table';

let loading: Promise<Highs> | undefined;

/**
 * A ceiling far above any project's head count, so every objective has an optimum. It narrows no
 * interval that matters: a cell it bounds was unbounded, so never pinned.
 */
const CAP = 1e7;

/** HiGHS (the LP solver, compiled to WebAssembly), loaded once per process. */
export function lpSolver(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}

/**
 * What a reader can work out about hidden cells by linear programming: each cell a variable, fixed
 * where published, at least its least possible value where hidden, at least 0 where unpublished,
 * bound by every line. One persistent HiGHS model per export; hiding a cell only frees its variable,
 * so intervals only widen as more is hidden.
 */
export class FeasibleIntervals {
  private readonly model: ReturnType<Highs['createModel']>;
  private readonly column = new Map<string, number>();
  private costed: number[] = [];

  constructor(private readonly highs: Highs, table: LinkedTable, lines: readonly Line[]) {
    const lower: number[] = [];
    const upper: number[] = [];
    const add = (cell: string, low: number, high: number) => {
      this.column.set(cell, this.column.size);
      lower.push(low);
      upper.push(high);
    };
    for (const [cell, value] of table.counts) add(cell, value, value);
    for (const cell of table.unpublished.keys()) add(cell, 0, CAP);
    // One sparse row per line (total - parts = 0), passed in one call (CSR).
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const line of lines) {
      [line.total, ...line.parts].forEach((cell, i) => { indices.push(this.column.get(cell)!); values.push(i === 0 ? 1 : -1); });
      starts.push(indices.length);
    }
    this.model = highs.createModel({
      numCols: lower.length, numRows: lines.length,
      colCost: new Array<number>(lower.length).fill(0), colLower: lower, colUpper: upper,
      rowLower: new Array<number>(lines.length).fill(0), rowUpper: new Array<number>(lines.length).fill(0),
      matrix: { format: 'csr', numRows: lines.length, numCols: lower.length, starts, indices, values },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
  }

  /** Frees a hidden cell down to `least` (what a reader knows it is at least). */
  hide(cell: string, least: number): void {
    this.model.changeColBounds(this.column.get(cell)!, least, CAP);
  }

  /** [min, max] of a cell; max is CAP when nothing else bounds it from above. */
  interval(cell: string): [number, number] {
    this.objective(new Map([[cell, 1]]));
    return [this.solve('minimize'), this.solve('maximize')];
  }

  /**
   * Cells shown to take values at least `width` apart, by two solutions at opposite ends of one
   * weighted objective: a cheap way to clear many cells with two solves instead of two each.
   */
  spread(weights: ReadonlyMap<string, number>, width: number): string[] {
    this.objective(weights);
    const low = this.solution('minimize');
    const high = this.solution('maximize');
    return [...weights.keys()].filter((cell) => {
      const col = this.column.get(cell)!;
      return Math.abs(high[col]! - low[col]!) >= width;
    });
  }

  dispose(): void {
    this.model.dispose();
  }

  private objective(weights: ReadonlyMap<string, number>): void {
    for (const col of this.costed) this.model.changeColCost(col, 0);
    this.costed = [...weights].map(([cell, weight]) => {
      const col = this.column.get(cell)!;
      this.model.changeColCost(col, weight);
      return col;
    });
  }

  /** The values of an optimal solution (never unbounded: every variable is capped at CAP). */
  private solution(sense: 'minimize' | 'maximize'): Float64Array {
    this.solve(sense);
    return this.model.getSolution().colValue;
  }

  private solve(sense: 'minimize' | 'maximize'): number {
    const { modelStatus, objectiveSense } = this.highs.constants;
    this.model.changeObjectiveSense(objectiveSense[sense]);
    this.model.run();
    const status = this.model.getModelStatus();
    // The true figures always satisfy the model, so anything but an optimum is a bug.
    if (status !== modelStatus.optimal) throw new Error(`The suppression check found no ${sense} (HiGHS status ${status})`);
    return this.model.getObjectiveValue();
  }
}
