/** "What am I looking at?": a short explanation of (denoising) autoencoders, one click away. */
import { useRef } from 'react';

export function ExplanationDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button className="explain-button" data-testid="explain" onClick={() => dialogRef.current?.showModal()}>
        What is a denoising autoencoder?
      </button>
      <dialog ref={dialogRef} className="explanation" data-testid="explanation">
        <h2>Denoising autoencoders in one minute</h2>
        <p>
          An <strong>autoencoder</strong> learns to copy its input to its output through a narrow middle
          layer, the <strong>bottleneck</strong>. The <em>encoder</em> squeezes each 28×28 image (784 numbers)
          into a short code, here just <strong>2 numbers</strong>; the <em>decoder</em> rebuilds the image
          from that code. Because the code is so small, the network must keep what matters (shape, class) and
          drop the rest.
        </p>
        <p>
          A <strong>denoising</strong> autoencoder is given a <em>corrupted</em> image x′ (here x plus
          Gaussian noise, clipped to [0, 1]) and is trained to reconstruct the <em>clean</em> image x. It
          cannot just copy pixels, so it learns what clothes look like, and removes noise it has never seen.
        </p>
        <p>
          Watch the <strong>loss</strong> fall, the <strong>reconstructions</strong> sharpen, the{' '}
          <strong>error maps</strong> darken, and the 10 classes separate in the{' '}
          <strong>2-D latent space</strong>. Click anywhere in that plane to see what the decoder draws there.
        </p>
        <form method="dialog">
          <button>Close</button>
        </form>
      </dialog>
    </>
  );
}
