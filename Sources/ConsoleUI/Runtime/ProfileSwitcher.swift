import ConsoleModel

/// Opens another profile's session for `:profile NAME` (each profile has its own session and page cache).
public struct ProfileSwitcher: Sendable {
    /// The profiles that can be opened, in the order `:profile` lists them.
    public var names: [String]
    /// Signs in with a profile: its session (not yet started) and header.
    public var open: @MainActor @Sendable (String) async throws -> (ConsoleSession, HeaderInfo)

    public init(
        names: [String], open: @escaping @MainActor @Sendable (String) async throws -> (ConsoleSession, HeaderInfo)
    ) {
        self.names = names
        self.open = open
    }
}
