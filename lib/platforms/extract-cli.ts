// npm run extract -- --url https://x.com/home page.html
// Prints the snapshots the adapters read from a saved page, as JSON: how anyone checks an adapter against a
// page they saved. The page is parsed with happy-dom with scripts, stylesheets and frames switched off.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { extractPosts } from './index';

const USAGE =
  'Usage: npm run extract -- --url <page URL> <saved page.html>\n' +
  '  --url  the address the page was saved from (it decides the site and, on status/post pages, the kinds)';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { url: string; file: string } {
  let url: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (!url) fail('--url is required');
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) fail(`--url must be an http(s) address: ${url}`);
  } catch {
    fail(`--url is not a URL: ${url}`);
  }
  if (files.length !== 1 || !files[0])
    fail(files.length ? 'give exactly one HTML file' : 'no HTML file given');
  return { url, file: files[0] };
}

/**
 * A saved page as an inert document: no script runs, nothing is fetched (stylesheets, images, frames), no
 * navigation. Call `close()` when done.
 */
type P5Node = DefaultTreeAdapterMap['node'];

/**
 * Copies parse5's tree (the HTML standard's parsing algorithm, as browsers run it) node by node into an
 * inert document. happy-dom's own parser mis-nests some real pages (Facebook's `<a><object><a>` avatars
 * move a hidden timeline out of its div[hidden]), which would make this tool disagree with the browser.
 */
function buildAsBrowser(doc: Document, root: P5Node): void {
  const copy = (from: P5Node, to: Node): void => {
    for (const child of 'childNodes' in from ? from.childNodes : []) {
      if (child.nodeName === '#text' && 'value' in child) to.appendChild(doc.createTextNode(child.value));
      else if (child.nodeName === '#comment' && 'data' in child)
        to.appendChild(doc.createComment(child.data));
      else if ('tagName' in child) {
        const el = doc.createElementNS(child.namespaceURI, child.tagName);
        for (const attr of child.attrs) {
          try {
            el.setAttribute(attr.name, attr.value);
          } catch {
            // Names the DOM refuses (`"`, `<` in a broken save) cannot be selected on anyway.
          }
        }
        const content = 'content' in child ? child.content : undefined;
        copy(content ?? child, content ? (el as HTMLTemplateElement).content : el);
        to.appendChild(el);
      }
    }
  };
  while (doc.firstChild) doc.removeChild(doc.firstChild);
  copy(root, doc);
}

export function parseSavedPage(html: string, url: string): { document: Document; close(): void } {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      enableIframePageLoading: false,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  buildAsBrowser(window.document as unknown as Document, parse(html));
  return {
    document: window.document as unknown as Document,
    close() {
      window.happyDOM.abort();
      window.close();
    },
  };
}

function main(): void {
  const { url, file } = parseArgs(process.argv.slice(2));
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const page = parseSavedPage(html, url);
  try {
    process.stdout.write(`${JSON.stringify(extractPosts(page.document, url), null, 2)}\n`);
  } finally {
    page.close();
  }
}

// Run only as a script, so tests can import parseSavedPage.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
