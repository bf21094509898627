import { useTranslation } from 'react-i18next';
import { searchSkills } from '../api/lookups';
import { Autocomplete } from './autocomplete';

export interface SkillLine {
  skillId: string;
  label: string;
  level: number;
  importance?: 'essential' | 'optional';
}

interface Props {
  lines: SkillLine[];
  onChange: (lines: SkillLine[]) => void;
  label: string;
  levelLabel: string;
  withImportance?: boolean;
  error?: string;
  id: string;
}

/** Skills picked by autocomplete, each with a level (and for vacancies, essential or optional). */
export function RequirementsEditor({ lines, onChange, label, levelLabel, withImportance, error, id }: Props) {
  const { t } = useTranslation();
  const update = (skillId: string, patch: Partial<SkillLine>) => onChange(lines.map((l) => (l.skillId === skillId ? { ...l, ...patch } : l)));
  return (
    <fieldset className="mb-4">
      <legend className="h6 fw-semibold">{label}</legend>
      <Autocomplete
        id={id}
        label={t('editor.addSkill')}
        source="skills"
        search={searchSkills}
        itemKey={(s) => s.skillId}
        primary={(s) => s.label}
        secondary={(s) => s.matchedLabel}
        clearOnSelect
        onSelect={(s) => {
          if (!lines.some((l) => l.skillId === s.skillId)) onChange([...lines, { skillId: s.skillId, label: s.label, level: 2, importance: withImportance ? 'essential' : undefined }]);
        }}
        error={error}
      />
      {lines.length > 0 && (
        <ul className="list-group">
          {lines.map((l) => (
            <li key={l.skillId} className="list-group-item d-flex flex-wrap align-items-center gap-2">
              <span className="flex-grow-1">{l.label}</span>
              {withImportance && (
                <>
                  <label htmlFor={`${id}-imp-${l.skillId}`} className="visually-hidden">
                    {t('editor.importanceOf', { skill: l.label })}
                  </label>
                  <select id={`${id}-imp-${l.skillId}`} className="form-select form-select-sm w-auto" value={l.importance} onChange={(e) => update(l.skillId, { importance: e.target.value as 'essential' | 'optional' })}>
                    <option value="essential">{t('importance.essential')}</option>
                    <option value="optional">{t('importance.optional')}</option>
                  </select>
                </>
              )}
              <label htmlFor={`${id}-lvl-${l.skillId}`} className="visually-hidden">
                {levelLabel}: {l.label}
              </label>
              <select id={`${id}-lvl-${l.skillId}`} className="form-select form-select-sm w-auto" value={l.level} onChange={(e) => update(l.skillId, { level: Number(e.target.value) })}>
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {t(`levels.${n}`)}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => onChange(lines.filter((x) => x.skillId !== l.skillId))}>
                {t('common.remove')} <span className="visually-hidden">{l.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
