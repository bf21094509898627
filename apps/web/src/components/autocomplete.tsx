import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  label: string;
  /** Part of the query key: what is searched ("places", "skills"). */
  source: string;
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  itemKey: (item: T) => string;
  primary: (item: T) => string;
  secondary?: (item: T) => string | undefined;
  onSelect: (item: T) => void;
  error?: string;
  hint?: string;
  /** Text shown in the box once an item is chosen (kept on re-render). */
  initialText?: string;
  clearOnSelect?: boolean;
  id?: string;
}

/** An accessible combobox (ARIA 1.2 list autocomplete): type, arrows to move, Enter to choose, Escape to close. */
export function Autocomplete<T>({ label, source, search, itemKey, primary, secondary, onSelect, error, hint, initialText = '', clearOnSelect, id }: Props<T>) {
  const { t, i18n } = useTranslation();
  const auto = useId();
  const inputId = id ?? `ac-${auto}`;
  const listId = `${inputId}-list`;
  const [text, setText] = useState(initialText);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => setText(initialText), [initialText]);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 120);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useQuery({
    queryKey: [source, 'autocomplete', query, i18n.language],
    queryFn: ({ signal }) => search(query, signal),
    enabled: open && query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
  const items = query.length >= 2 ? (results.data ?? []) : [];
  const expanded = open && items.length > 0;

  const choose = (item: T) => {
    onSelect(item);
    setText(clearOnSelect ? '' : primary(item));
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="form-group mb-4 position-relative">
      <label htmlFor={inputId} className="active">
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && expanded) {
            e.preventDefault();
            choose(items[Math.max(active, 0)]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="suggestion-list" hidden={!expanded}>
        {items.map((item, i) => (
          <li
            key={itemKey(item)}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(item);
            }}
          >
            {primary(item)}
            {secondary?.(item) && <small>{secondary(item)}</small>}
          </li>
        ))}
      </ul>
      <div className="visually-hidden" aria-live="polite">
        {open && query.length >= 2 && !results.isFetching ? t('autocomplete.count', { count: items.length }) : ''}
      </div>
      {hint && (
        <small id={`${inputId}-hint`} className="form-text">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${inputId}-error`} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
