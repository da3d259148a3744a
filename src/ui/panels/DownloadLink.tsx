/** A plain anchor with a download attribute whose file is made at click time (a Blob URL, revoked soon after). */
import type { MouseEvent, ReactNode } from 'react';

export function DownloadLink({ file, name, mime, testId, title, className, children }: { file: () => string; name: string; mime: string; testId?: string; title?: string; className?: string; children: ReactNode }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    const url = URL.createObjectURL(new Blob([file()], { type: mime }));
    e.currentTarget.href = url;
    // The download has started from the URL by the time this runs.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  };
  return (
    <a href="#" download={name} onClick={onClick} data-testid={testId} title={title} className={className ?? 'button-link'}>
      {children}
    </a>
  );
}

/** Save data as a file now (for downloads made asynchronously, after the click): a temporary Blob URL and anchor. */
export function saveFile(name: string, data: BlobPart, mime: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
