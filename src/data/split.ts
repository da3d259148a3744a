/** The split every generated dataset uses: the first nTrain rows train, the next nVal validate. */
import type { DatasetArrays } from '../model';

/** `x` (rows × d, row-major) and one target column per task id (length nTrain + nVal), split into train and validation copies. */
export function splitRows(x: Float32Array, d: number, columns: Record<string, Float32Array>, nTrain: number, nVal: number): DatasetArrays {
  const yTrain: Record<string, Float32Array> = {};
  const yVal: Record<string, Float32Array> = {};
  for (const [id, col] of Object.entries(columns)) {
    yTrain[id] = col.slice(0, nTrain);
    yVal[id] = col.slice(nTrain, nTrain + nVal);
  }
  return { inputDim: d, xTrain: x.slice(0, nTrain * d), xVal: x.slice(nTrain * d, (nTrain + nVal) * d), nTrain, nVal, yTrain, yVal };
}
