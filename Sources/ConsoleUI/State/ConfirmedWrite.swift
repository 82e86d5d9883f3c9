/// What a confirmation dialog runs once the user says yes: the catalogue action it belongs to, what it changes, and
/// the hand-off to the view-model's write (one `WriteSpec` through the runner). Written where the dialog is built, so
/// a new write adds no case to a central switch.
public struct ConfirmedWrite: Sendable, Hashable {
    /// The catalogue action (`tokens.roll`).
    public let actionID: ActionID
    /// What it changes (an id), so dialogs of one action on two rows differ.
    public let target: String
    /// Hands the write to its view-model (and opens what follows it: the secret modal, the rotation).
    let run: @MainActor @Sendable (ConsoleRuntime) -> Void
    /// Where cancelling returns (the modal it was opened from); it also wipes a secret the write carried.
    let cancel: (@MainActor @Sendable (ConsoleRuntime) -> Void)?

    init(
        _ actionID: ActionID, target: String, cancel: (@MainActor @Sendable (ConsoleRuntime) -> Void)? = nil,
        run: @escaping @MainActor @Sendable (ConsoleRuntime) -> Void
    ) {
        self.actionID = actionID
        self.target = target
        self.run = run
        self.cancel = cancel
    }

    public static func == (lhs: ConfirmedWrite, rhs: ConfirmedWrite) -> Bool {
        lhs.actionID == rhs.actionID && lhs.target == rhs.target
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(actionID)
        hasher.combine(target)
    }
}
