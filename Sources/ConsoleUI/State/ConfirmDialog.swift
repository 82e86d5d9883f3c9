/// A confirmation with an impact preview; `Cancel` is preselected and early keys are ignored.
public struct ConfirmDialog: Sendable, Hashable {
    public var title: String
    /// What, where, who: the impact preview.
    public var lines: [String]
    public var confirmLabel: String
    public var write: ConfirmedWrite
    /// Irreversible writes ask for the name to be typed.
    public var typedNameRequired: String?
    public var typed = ""
    public var isDangerous: Bool
    /// When the dialog opened (runtime clock), for the auto-repeat guard.
    public var openedAt: Duration
    /// Whether `confirmLabel` (rather than Cancel) is focused.
    public var confirmFocused = false

    public init(
        title: String, lines: [String], confirmLabel: String, write: ConfirmedWrite, typedNameRequired: String? = nil,
        isDangerous: Bool = false, openedAt: Duration
    ) {
        self.title = title
        self.lines = lines
        self.confirmLabel = confirmLabel
        self.write = write
        self.typedNameRequired = typedNameRequired
        self.isDangerous = isDangerous
        self.openedAt = openedAt
    }

    /// Keys arriving sooner than this after the dialog opened are ignored (key auto-repeat must not confirm).
    public static let keyGuard: Duration = .milliseconds(150)

    /// Whether the typed name (if one is required) matches.
    public var nameMatches: Bool { typedNameRequired.map { typed == $0 } ?? true }
}
