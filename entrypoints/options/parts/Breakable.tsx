import { Fragment } from 'preact';

// After a slash (or "//"), before other punctuation: "https://" "www" ".instagram" ".com/" "rahmat" "_hj/".
const BREAK = /(?<=\/)(?!\/)|(?=[._\-?#&=@])/;

/**
 * A handle or URL that may wrap only at its punctuation (a <wbr> there), never inside a word: the
 * table's cells break between words only, and "https://x.com/sri" must not become "https://x.com/s" "ri".
 */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {text.split(BREAK).map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}
