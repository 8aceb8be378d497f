/**
 * The office's settings, one field per setting definition (SETTING_DEFINITIONS:
 * label, hint, default, parser), written to the workbook's 通报设置 sheet so
 * the ribbon button, the command line and the next person use the same.
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { SETTING_DEFINITIONS, type NoticeSettings, type SettingKey } from "../../core";
import type { Strings } from "../i18n";
import { draftFromSettings, sameSettings, settingsFromDraft, type SettingsDraft } from "../settings-state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  footer: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  unsaved: { color: tokens.colorNeutralForeground3 },
});

/** A CSS selector of a setting's input, for the pane's links to it (the signing line's 修改). */
export function settingSelector(key: SettingKey): string {
  return `[data-setting="${key}"]`;
}

export interface SettingsFormProps {
  readonly strings: Strings;
  /** The stored settings (partial: what the office set). */
  readonly saved: Partial<NoticeSettings>;
  /** Some values still come from the old hidden setting. */
  readonly legacy?: boolean;
  readonly disabled: boolean;
  readonly onSave: (settings: Partial<NoticeSettings>) => void;
}

export function SettingsForm({ strings, saved, legacy = false, disabled, onSave }: SettingsFormProps) {
  const styles = useStyles();
  const t = strings.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(saved));
  useEffect(() => setDraft(draftFromSettings(saved)), [saved]);
  const result = useMemo(() => settingsFromDraft(draft), [draft]);
  const changed = !sameSettings(result.settings, saved);
  // Old hidden settings are moved to the sheet by saving, changed or not.
  const canSave = changed || legacy;
  const hasErrors = Object.keys(result.errors).length > 0;

  return (
    <form
      className={styles.root}
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!hasErrors && canSave) onSave(result.settings);
      }}
    >
      <Caption1 as="p">{t.intro}</Caption1>
      {legacy && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.legacy}</MessageBarBody>
        </MessageBar>
      )}
      {SETTING_DEFINITIONS.map((d) => {
        const problem = result.errors[d.key];
        const placeholder = d.defaultValue === null || d.defaultValue === "" ? undefined : (d.format as (x: unknown) => string)(d.defaultValue);
        const props = {
          size: "small" as const,
          value: draft[d.key],
          placeholder,
          disabled,
          "data-setting": d.key,
          onChange: (_: unknown, data: { value: string }) => setDraft((x) => ({ ...x, [d.key]: data.value })),
        };
        return (
          <Field
            key={d.key}
            label={t.labels[d.key]}
            size="small"
            hint={problem === undefined ? t.hints[d.key] : undefined}
            validationState={problem === undefined ? "none" : "error"}
            validationMessage={problem === undefined ? undefined : t.invalid(d.key, problem)}
          >
            {d.key === "summary" ? <Textarea {...props} resize="vertical" /> : <Input {...props} />}
          </Field>
        );
      })}
      <div className={styles.footer}>
        <Button type="submit" size="small" disabledFocusable={disabled || !canSave || hasErrors}>
          {t.save}
        </Button>
        {changed && (
          <Caption1 className={styles.unsaved} aria-live="polite">
            {t.unsaved}
          </Caption1>
        )}
      </div>
    </form>
  );
}
