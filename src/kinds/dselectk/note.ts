/** The note of DSelect-k's inspection table, shared by both engines. */
export const DSELECT_NOTE = 'Static per-task gate: each cell is the weight the task’s k selectors put on that expert (rows sum to 1; at most k non-zero once the smooth steps saturate).';
