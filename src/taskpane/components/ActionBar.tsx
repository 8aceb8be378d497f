/** The four actions, the progress of the running one, and the last message. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ActionKind, Strings } from "../i18n";
import type { BusyKind, PaneMessage } from "../useWorkbook";
import type { ProgressStep } from "../../hosts/officejs";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  button: { minWidth: 0 },
  status: { display: "flex", alignItems: "center" },
});

const ORDER: readonly ActionKind[] = ["check", "highlight", "clear", "generate"];

export interface ActionBarProps {
  readonly strings: Strings;
  readonly busy: BusyKind | null;
  readonly step: ProgressStep | null;
  readonly disabled: boolean;
  readonly message: PaneMessage | null;
  readonly onAction: (kind: ActionKind) => void;
  readonly onDismiss: () => void;
}

export function ActionBar({ strings, busy, step, disabled, message, onAction, onDismiss }: ActionBarProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={strings.actionsLabel}>
      <div className={styles.buttons}>
        {ORDER.map((kind) => (
          <Button
            key={kind}
            className={styles.button}
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
        ))}
      </div>
      <div className={styles.status} role="status" aria-live="polite">
        {busy !== null && <Spinner size="extra-tiny" labelPosition="after" label={step ? strings.steps[step] : strings.busy} />}
      </div>
      {message && busy === null && (
        <MessageBar intent={message.kind} layout="multiline" data-message-kind={message.kind}>
          <MessageBarBody>
            {message.kind === "error" && <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>}
            <span data-testid="message-text">{message.text}</span>
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
    </section>
  );
}
