// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { finishPost, type PageCapture, preparePost } from '@/lib/feed/capture-page';
import { createFlagButton } from '@/lib/feed/flag-button';
import { post } from './feed-page';

describe('the page around a screenshot', () => {
  it('takes Netra out of the picture (markers out of the layout, button hidden) and puts everything back', async () => {
    const p = post('sriwahyuni_guru', 'Ayo coblos 02');
    const button = createFlagButton(document, () => undefined);
    const header = p.querySelector('header') as HTMLElement;
    header.append(button.host);
    const marker = document.createElement('netra-marker');
    header.after(marker);
    // The site's own inline display must survive the capture untouched.
    header.style.display = 'flex';
    document.body.append(p);

    const capture: PageCapture = { post: p, button, hidden: [], collapsed: [] };
    const reply = await preparePost(window, capture);
    expect(reply.ok).toBe(true);
    expect(marker.style.display).toBe('none');
    expect(button.host.style.visibility).toBe('hidden');

    finishPost(window, capture);
    expect(marker.style.display).toBe('');
    expect(button.host.style.visibility).toBe('');
    expect(header.style.display).toBe('flex');
    p.remove();
  });
});
