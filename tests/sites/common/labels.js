// Label tables, shared by every stand-in (tests/sites/README.md: localized labels): a venue writes its texts as
// `key: [en, zh-CN, pt-BR]`, and reads one locale's column, NFC-normalised; an unknown locale reads English.

const COLUMN = { en: 0, 'zh-CN': 1, 'pt-BR': 2 };

/** `labelsOf(TEXTS)` → `labels(locale)`, the `{ key: text }` table of that locale. */
export function labelsOf(texts) {
  return (locale) => {
    const col = COLUMN[locale] ?? 0;
    return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v[col].normalize('NFC')]));
  };
}
