/** Live views of a fusion module's learned mixing, sent by the worker while a run trains and at its end. */

/**
 * One node's table of numbers: values[r·cols + c] is row r, column c. Cross-stitch: the T×T mixing
 * matrix α (row = output stream, column = input stream). MMoE / CGC: each task's gate weight per expert,
 * averaged over validation rows (gates depend on the input; each row sums to 1). Ensemble with learned
 * weights: each task's softmax weight per member.
 */
export interface NodeInspection {
  nodeId: string;
  kind: string;
  /** what the table shows, in a few words */
  title: string;
  /** one sentence on how to read it (e.g. that gate weights are means over rows) */
  note: string;
  rows: number;
  cols: number;
  rowLabels: string[];
  colLabels: string[];
  values: number[];
}
