import APICore
import ConsoleModel
import TUIKit

/// One entry of the action catalogue: everything the key map, the status-line hints, the `?` overlay, the `:` palette
/// and `[keys]` rebinding know about an action comes from here, and nowhere else.
public struct ConsoleAction: Sendable {
    /// What running an action from the console does: with the palette's argument (`:theme light`), if any.
    public typealias Run = @MainActor @Sendable (ConsoleRuntime, String?) -> Void

    public let id: ActionID
    /// The palette's name for it ("Invite a member").
    public let title: String
    /// The one line the `?` overlay shows.
    public let help: String
    /// Default keys; `[keys]` in the config may rebind them.
    public let keys: [Key]
    /// Panes where it applies; nil means every pane.
    public let panes: Set<PaneID>?
    /// The action exists only where the provider has at least one of these; empty means always.
    public let needs: ProviderCapabilities
    /// How the write is confirmed, for writes.
    public let confirmation: Confirmation?
    /// Its place in the status line's key hints, if it has one.
    public let hint: Hint?
    /// The palette word it answers to besides its id and title (`:audit since 2026-01-01`).
    public let command: PaletteCommand?
    /// A further condition on the state (a sent invitation can be revoked, not accepted).
    public let when: (@Sendable (ActionContext) -> Bool)?
    /// Where the key is pressed, when not on a pane: a token menu entry is a key inside the `R` menu.
    public let menuKey: Character?
    public let run: Run

    public init(
        _ id: ActionID, title: String, help: String, keys: [Key] = [], panes: Set<PaneID>? = nil,
        needs: ProviderCapabilities = [], confirmation: Confirmation? = nil, hint: Hint? = nil,
        command: PaletteCommand? = nil, menuKey: Character? = nil,
        when: (@Sendable (ActionContext) -> Bool)? = nil, run: @escaping Run
    ) {
        self.id = id
        self.title = title
        self.help = help
        self.keys = keys
        self.panes = panes
        self.needs = needs
        self.confirmation = confirmation
        self.hint = hint
        self.command = command
        self.menuKey = menuKey
        self.when = when
        self.run = run
    }

    /// Whether it applies on `pane`.
    public func applies(on pane: PaneID) -> Bool { panes?.contains(pane) ?? true }

    /// Whether a provider with `capabilities` can do it at all.
    public func isProvided(by capabilities: ProviderCapabilities) -> Bool {
        needs.isEmpty || !needs.isDisjoint(with: capabilities)
    }

    /// Whether it is offered in `context`: its pane, the provider's capabilities and its own condition.
    public func isOffered(in context: ActionContext) -> Bool {
        applies(on: context.pane) && isProvided(by: context.capabilities) && (when?(context) ?? true)
    }
}

extension ConsoleAction {
    /// How a write is confirmed before anything is sent.
    public enum Confirmation: Sendable, Hashable {
        /// A dialog with the impact, Cancel preselected, `y` confirms.
        case yesNo
        /// Irreversible: the name (or email) must be typed.
        case typedName
    }

    /// A status-line hint: "`<key> <label>`", in `order` among the others.
    public struct Hint: Sendable {
        /// Lower first; pane actions use 0–99, the general keys 100 and up.
        public let order: Int
        /// The hint's text in `context`, or nil to leave it out there.
        public let label: @Sendable (ActionContext) -> String?

        public init(_ order: Int, _ label: String) {
            self.order = order
            self.label = { _ in label }
        }

        public init(_ order: Int, label: @escaping @Sendable (ActionContext) -> String?) {
            self.order = order
            self.label = label
        }
    }

    /// The palette word of an action that is also a `:` command.
    public struct PaletteCommand: Sendable, Hashable {
        public let word: String
        /// How the argument is written, for the palette line ("NAME", "[since YYYY-MM-DD]"); nil when it takes none.
        public let argument: String?

        public init(_ word: String, argument: String? = nil) {
            self.word = word
            self.argument = argument
        }
    }
}
