/** The notice's settings, stored in the workbook so the ribbon button and the next person use the same. */
import { useEffect, useMemo, useState } from "react";
import { Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type NoticeSettings } from "../../core";
import type { Strings } from "../i18n";
import { DECIMAL_CHOICES, draftFromSettings, sameSettings, settingsFromDraft, type SettingsDraft } from "../settings-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "start" },
  footer: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  unsaved: { color: tokens.colorNeutralForeground3 },
});

export interface SettingsFormProps {
  readonly strings: Strings;
  /** The stored settings (partial: what the office set). */
  readonly saved: Partial<NoticeSettings>;
  readonly disabled: boolean;
  readonly onSave: (settings: Partial<NoticeSettings>) => void;
}

export function SettingsForm({ strings, saved, disabled, onSave }: SettingsFormProps) {
  const styles = useStyles();
  const t = strings.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(saved, DEFAULT_SETTINGS.decimals));
  useEffect(() => setDraft(draftFromSettings(saved, DEFAULT_SETTINGS.decimals)), [saved]);
  const result = useMemo(() => settingsFromDraft(draft), [draft]);
  const baseline = useMemo(() => settingsFromDraft(draftFromSettings(saved, DEFAULT_SETTINGS.decimals)).settings, [saved]);
  const dirty = !sameSettings(result.settings, baseline);
  const hasErrors = Object.keys(result.errors).length > 0;
  const set = (key: keyof SettingsDraft) => (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [key]: data.value }));
  const error = (key: keyof SettingsDraft) => {
    const e = result.errors[key];
    return e ? { validationState: "error" as const, validationMessage: t[e] } : {};
  };

  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (!hasErrors && dirty) onSave(result.settings);
      }}
    >
      <Field label={t.government} size="small">
        <Input size="small" value={draft.government} placeholder={DEFAULT_SETTINGS.government} onChange={set("government")} disabled={disabled} />
      </Field>
      <Field label={t.office} size="small">
        <Input size="small" value={draft.office} placeholder={DEFAULT_SETTINGS.office} onChange={set("office")} disabled={disabled} />
      </Field>
      <Field label={t.issuer} size="small">
        <Input size="small" value={draft.issuer} placeholder={DEFAULT_SETTINGS.issuer} onChange={set("issuer")} disabled={disabled} />
      </Field>
      <div className={styles.pair}>
        <Field label={t.year} size="small" hint={error("year").validationMessage ? undefined : t.yearHint} {...error("year")}>
          <Input size="small" inputMode="numeric" value={draft.year} onChange={set("year")} disabled={disabled} />
        </Field>
        <Field label={t.quarter} size="small">
          <Select size="small" value={draft.quarter} onChange={set("quarter")} disabled={disabled}>
            <option value="">{t.quarterAuto}</option>
            {t.quarterNames.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t.date} size="small" hint={error("date").validationMessage ? undefined : t.dateHint} {...error("date")}>
          <Input size="small" type="date" value={draft.date} onChange={set("date")} disabled={disabled} />
        </Field>
        <Field label={t.decimals} size="small">
          <Select size="small" value={draft.decimals} onChange={set("decimals")} disabled={disabled}>
            {DECIMAL_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t.summary} size="small" hint={t.summaryHint}>
        <Textarea size="small" resize="vertical" value={draft.summary} onChange={set("summary")} disabled={disabled} />
      </Field>
      <div className={styles.footer}>
        <Button type="submit" size="small" appearance="primary" disabledFocusable={disabled || !dirty || hasErrors}>
          {t.save}
        </Button>
        {dirty && (
          <Caption1 className={styles.unsaved} aria-live="polite">
            {t.unsaved}
          </Caption1>
        )}
      </div>
    </form>
  );
}
