/** The look the pane's clickable lists share (problems, missed tasks): a list without bullets, items as bordered buttons. */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const LIST: GriffelStyle = { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS };

export const ITEM: GriffelStyle = {
  width: "100%",
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  border: `1px solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  textAlign: "left",
  fontFamily: "inherit",
  fontSize: tokens.fontSizeBase200,
  lineHeight: tokens.lineHeightBase200,
};

export const CLICKABLE: GriffelStyle = {
  cursor: "pointer",
  ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
};
