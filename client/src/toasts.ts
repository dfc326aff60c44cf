/** Short messages in a live region. Errors stay until dismissed; others fade after a few seconds. */
export type ToastKind = 'info' | 'success' | 'error';

export function showToast(region: HTMLElement, message: string, kind: ToastKind = 'info'): HTMLElement {
  const toast = document.createElement('div');
  toast.className = `toast ${kind}`;
  toast.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const text = document.createElement('p');
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss message');
  close.addEventListener('click', () => toast.remove());
  toast.append(text, close);
  region.append(toast);
  if (kind !== 'error') window.setTimeout(() => toast.remove(), 5000);
  while (region.children.length > 4) region.firstElementChild?.remove();
  return toast;
}
