/** The options page in the theme the settings choose; 'auto' follows the system's prefers-color-scheme. */
import { useEffect } from 'preact/hooks';
import type { Theme } from '../shared/settings.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function usePageTheme(theme: Theme, doc: Document = document): void {
  useEffect(() => {
    const view = doc.defaultView;
    const query = view?.matchMedia?.(DARK_QUERY) ?? null;
    const apply = () => {
      doc.documentElement.dataset.theme = theme === 'auto' ? (query?.matches ? 'dark' : 'light') : theme;
    };
    apply();
    if (theme !== 'auto' || query === null) return;
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme, doc]);
}
