import { useEffect, useState } from 'preact/hooks';

/** Shows a Blob from IndexedDB through an object URL that is revoked when the image goes away. */
export function BlobImage({
  blob,
  alt,
  class: className,
}: {
  blob: Blob | undefined;
  alt: string;
  class?: string;
}) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url ? (
    <img class={className} src={url} alt={alt} />
  ) : (
    <div class={`${className ?? ''} placeholder`} />
  );
}
