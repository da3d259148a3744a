/** A dismissible message at the top of the page (bad links, blocked actions). */
import { useApp } from '../../state';

export function Banner() {
  const banner = useApp((s) => s.banner);
  const setBanner = useApp((s) => s.setBanner);
  if (!banner) return null;
  return (
    <div className={`banner banner-${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="banner">
      <span>{banner.text}</span>
      <button type="button" aria-label="Dismiss" data-testid="banner-dismiss" onClick={() => setBanner(null)}>
        ×
      </button>
    </div>
  );
}
