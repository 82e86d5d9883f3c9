import APICore
import ConsoleModel
import TUIKit

/// Keys bound to an action, with the help text the `?` overlay shows.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    /// How the keys are written in help ("j ↓").
    public var label: String
    public var help: String
    /// Panes where the binding applies; nil means everywhere.
    public var panes: Set<PaneID>?
    /// The binding exists only when the provider has at least one of these capabilities; empty means always.
    public var requires: ProviderCapabilities

    public init(
        _ keys: [Key], _ action: Action, label: String, help: String, panes: Set<PaneID>? = nil,
        requires: ProviderCapabilities = []
    ) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.panes = panes
        self.requires = requires
    }

    /// Whether the binding applies on `pane`.
    public func applies(on pane: PaneID) -> Bool { panes?.contains(pane) ?? true }

    /// Whether a provider with `capabilities` can do what the binding does.
    public func isAvailable(with capabilities: ProviderCapabilities) -> Bool {
        requires.isEmpty || !requires.isDisjoint(with: capabilities)
    }
}
