/**
 * The actions: 生成通报, the one primary button, with who signs the notice and
 * when (and a link to change it) under it; 检查 and 标记未完成 beside each
 * other; Word版通报 and 督办单 (the Word documents) under them; the progress of
 * the running action and the last message (with a link to save a document
 * again); 清除标记 apart, under the message.
 */
import { Button, Caption1, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { ActionKind, Strings } from "../i18n";
import type { BusyKind, PaneMessage } from "../useWorkbook";
import type { ProgressStep } from "../../hosts/officejs";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  primary: { width: "100%" },
  signing: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  change: { marginLeft: tokens.spacingHorizontalS },
  buttons: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  button: { minWidth: 0 },
  status: { display: "flex", alignItems: "center" },
  other: { display: "flex", justifyContent: "flex-end" },
});

const SECONDARY: readonly ActionKind[] = ["check", "highlight"];
const DOCUMENTS: readonly ActionKind[] = ["docx", "letters"];

/** Who signs the notice and on which day (`YYYY-MM-DD`), shown before generating. */
export interface Signing {
  readonly issuer: string;
  readonly date: string;
}

export interface ActionBarProps {
  readonly strings: Strings;
  readonly busy: BusyKind | null;
  readonly step: ProgressStep | null;
  readonly disabled: boolean;
  readonly message: PaneMessage | null;
  readonly signing: Signing;
  readonly onAction: (kind: ActionKind) => void;
  readonly onDismiss: () => void;
  /** Opens the settings at the issuer. */
  readonly onChangeSigning: () => void;
}

export function ActionBar({ strings, busy, step, disabled, message, signing, onAction, onDismiss, onChangeSigning }: ActionBarProps) {
  const styles = useStyles();
  const button = (kind: ActionKind, className: string) => (
    <Button
      key={kind}
      className={className}
      appearance={kind === "generate" ? "primary" : "secondary"}
      disabled={disabled}
      // While an action runs the buttons stay focusable, so keyboard users keep their place.
      disabledFocusable={!disabled && busy !== null}
      title={strings.actionHints[kind]}
      data-action={kind}
      onClick={() => onAction(kind)}
    >
      {strings.actions[kind]}
    </Button>
  );
  return (
    <section className={styles.root} aria-label={strings.actionsLabel}>
      {button("generate", styles.primary)}
      <Caption1 as="p" className={styles.signing} data-testid="signing">
        {strings.signing.line(signing.issuer, signing.date)}
        <Link as="button" inline className={styles.change} onClick={onChangeSigning} data-testid="change-signing">
          {strings.signing.change}
        </Link>
      </Caption1>
      <div className={styles.buttons}>{SECONDARY.map((kind) => button(kind, styles.button))}</div>
      <div className={styles.buttons} role="group" aria-label={strings.documents.label}>
        {DOCUMENTS.map((kind) => button(kind, styles.button))}
      </div>
      <div className={styles.status} role="status" aria-live="polite">
        {busy !== null && <Spinner size="extra-tiny" labelPosition="after" label={step ? strings.steps[step] : strings.busy} />}
      </div>
      {message && busy === null && (
        <MessageBar intent={message.kind} layout="multiline" data-message-kind={message.kind}>
          <MessageBarBody>
            {(message.title ?? (message.kind === "error" ? strings.errorTitle : undefined)) && (
              <MessageBarTitle data-testid="message-title">{message.title ?? strings.errorTitle}</MessageBarTitle>
            )}
            <span data-testid="message-text">{message.text}</span>
            {message.link && (
              <>
                {" "}
                <Link href={message.link.href} download={message.link.download} data-testid="save-again">
                  {message.link.label}
                </Link>
              </>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={strings.dismiss} onClick={onDismiss}>
                ×
              </Button>
            }
          >
            {message.offer && (
              <Button size="small" data-action={message.offer} title={strings.actionHints[message.offer]} onClick={() => onAction(message.offer!)}>
                {strings.actions[message.offer]}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.other} aria-label={strings.otherActions} role="group">
        <Button
          appearance="subtle"
          size="small"
          disabled={disabled}
          disabledFocusable={!disabled && busy !== null}
          title={strings.actionHints.clear}
          data-action="clear"
          onClick={() => onAction("clear")}
        >
          {strings.actions.clear}
        </Button>
      </div>
    </section>
  );
}
