// Where the inline panel goes: beside the post when the window has room (the post stays readable),
// else above the flag button, else below it; always inside the window.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARGIN = 8;

export function panelPosition(
  size: { width: number; height: number },
  button: Box,
  post: Box,
  view: { width: number; height: number },
): { left: number; top: number } {
  const { width, height } = size;
  let left = button.right - width;
  let top = button.bottom + MARGIN;
  if (post.right + MARGIN + width <= view.width - MARGIN) {
    left = post.right + MARGIN;
    top = button.top;
  } else if (post.left - MARGIN - width >= MARGIN) {
    left = post.left - MARGIN - width;
    top = button.top;
  } else if (button.top - MARGIN - height >= MARGIN) {
    top = button.top - MARGIN - height;
  }
  return {
    left: Math.max(MARGIN, Math.min(left, view.width - width - MARGIN)),
    top: Math.max(MARGIN, Math.min(top, view.height - height - MARGIN)),
  };
}
