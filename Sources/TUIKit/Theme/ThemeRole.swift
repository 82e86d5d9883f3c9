/// A semantic role a theme gives a style to; the raw value is the key used in theme files.
public enum ThemeRole: String, Sendable, CaseIterable, Hashable {
    /// Ordinary text and the screen background.
    case textPrimary = "text.primary"
    /// Secondary text: hints, empty states, disabled items.
    case textMuted = "text.muted"
    /// The selected row or item.
    case selection
    /// Lines and frames.
    case border
    /// The header line.
    case header
    /// READ-ONLY / PROD / DEMO markers in the header.
    case headerMarker = "header.marker"
    /// The active tab.
    case tabActive = "tab.active"
    /// Other tabs and the tab bar.
    case tabInactive = "tab.inactive"
    /// Healthy states (active, accepted).
    case statusOK = "status.ok"
    /// States that need attention (pending).
    case statusWarn = "status.warn"
    /// Failures.
    case statusError = "status.error"
    /// Owner / super administrator roles.
    case roleOwner = "role.owner"
    /// Administrator roles.
    case roleAdmin = "role.admin"
    /// Member roles.
    case roleMember = "role.member"
    /// Read-only roles.
    case roleViewer = "role.viewer"
    /// Destructive actions and their dialogs.
    case danger
    /// Counts on tabs (pending invitations).
    case badge
    /// Data shown while it refreshes.
    case stale
    /// The hostile-text warning flag on a row.
    case warningFlag = "warning.flag"
    /// Dialog frames.
    case modalBorder = "modal.border"
    /// Dialog titles.
    case modalTitle = "modal.title"
    /// A revealed secret.
    case secret
    /// Table column titles.
    case tableHeader = "table.header"
    /// The filter line and matches.
    case filter
    /// Key hints in the footer.
    case keyHint = "key.hint"
}
