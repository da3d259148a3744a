/** A message at the top of the page (bad links, blocked actions, "Undo" after a deletion). Info fades; errors stay. */
import { useEffect, useState } from 'react';
import { useApp, useAppStore } from '../../state';

/** How long an info message stays, ms (longer when it offers an action such as Undo). */
export const INFO_MS = 6000;
export const ACTION_MS = 10000;
/** the fade-out at the end, ms */
const FADE_MS = 600;

/** The current banner with its action and Dismiss; info ones fade unless hovered or focused. */
export function Banner() {
  const store = useAppStore();
  const banner = useApp((s) => s.banner);
  // Hovered or focused: the reader is busy with it, so it does not fade meanwhile. Held per message: one that
  // vanishes under the pointer fires no mouseleave, and must not keep the next one from fading.
  const [heldFor, setHeldFor] = useState<object | null>(null);
  const held = heldFor !== null && heldFor === banner;
  const setHeld = (on: boolean) => setHeldFor(on ? banner : null);
  const [fading, setFading] = useState(false);
  useEffect(() => {
    setFading(false);
    if (!banner || banner.kind !== 'info' || held) return;
    const ms = banner.action ? ACTION_MS : INFO_MS;
    const fade = setTimeout(() => setFading(true), ms - FADE_MS);
    const gone = setTimeout(() => store.getState().banner === banner && store.getState().setBanner(null), ms);
    return () => {
      clearTimeout(fade);
      clearTimeout(gone);
    };
  }, [banner, held, store]);
  if (!banner) return null;
  const dismiss = () => store.getState().setBanner(null);
  return (
    <div
      className={`banner banner-${banner.kind}${fading ? ' fading' : ''}`}
      role={banner.kind === 'error' ? 'alert' : 'status'}
      data-testid="banner"
      data-kind={banner.kind}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{banner.text}</span>
      <span className="banner-buttons">
        {banner.action && (
          <button
            type="button"
            className="banner-action"
            data-testid="banner-action"
            onClick={() => {
              banner.action!.run();
              if (store.getState().banner === banner) dismiss();
            }}
          >
            {banner.action.label}
          </button>
        )}
        <button type="button" aria-label="Dismiss" data-testid="banner-dismiss" onClick={dismiss}>
          ×
        </button>
      </span>
    </div>
  );
}
