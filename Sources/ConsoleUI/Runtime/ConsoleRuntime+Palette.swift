import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    func handlePaletteKey(_ key: Key, text: String, selected: Int) {
        let matches = CommandPalette.matches(text, in: actionContext, catalogue: keyMap.catalogue)
        switch key {
        case .escape: state.overlay = nil
        case .down, .tab: state.overlay = .palette(text: text, selected: min(selected + 1, max(0, matches.count - 1)))
        case .up, .backTab: state.overlay = .palette(text: text, selected: max(0, selected - 1))
        case .backspace: state.overlay = .palette(text: String(text.dropLast()), selected: 0)
        case .character(let character): state.overlay = .palette(text: text + String(character), selected: 0)
        case .enter:
            state.overlay = nil
            guard matches.indices.contains(selected) else {
                state.flash = Notice(.warning, "No command matches ':\(text)'")
                return
            }
            perform(matches[selected], argument: CommandPalette.argument(text))
        default: break
        }
    }

    // MARK: - Palette commands (run from their catalogue entries)

    func toggleReadOnly() {
        session.setReadOnly(!session.readOnly)
        state.flash = Notice(
            .info, session.readOnly ? "Read-only mode on: every write is refused" : "Read-only mode off")
    }

    func switchTheme(_ argument: String?) {
        guard let argument, !argument.isEmpty else {
            state.flash = Notice(.warning, "Usage: :theme NAME (default, light, high-contrast, mono) or a path")
            return
        }
        setTheme(named: argument)
    }

    func showMembers(status argument: String?) {
        let status: MemberStatus? =
            switch argument?.lowercased() {
            case "pending": .pending
            case "accepted", "active": .active
            default: nil
            }
        session.members.setStatusFilter(status)
        state.pane = .members
    }

    func searchAccounts(_ argument: String?) {
        session.accounts.setNameFilter(argument)
        state.pane = .accounts
    }

    func showInvitations(_ mode: InvitationsViewModel.Mode) {
        session.invitations.setMode(mode)
        state.pane = .invitations
    }

    /// `:user`: the user's view where the provider has one, else a one-line summary.
    func showUser() {
        if session.records.showUser() {
            state.overlay = .records(RecordViewState())
            return
        }
        state.flash = Notice(
            .info,
            session.user.map { user in
                "Signed in as \(user.email)\(user.name.map { " (\($0))" } ?? "")"
                    + (user.twoFactorEnabled.map { " · 2FA \($0 ? "on" : "off")" } ?? "")
            } ?? (session.userError ?? "The user is still loading"))
    }

    /// `:profile NAME`: opens (or returns to) another profile's session; `:profile` alone lists them.
    func switchProfile(_ name: String?) {
        guard let profiles else {
            state.flash = Notice(.info, "Only one profile is configured: add [profiles.NAME] tables to the config")
            return
        }
        guard let name, !name.isEmpty else {
            state.flash = Notice(
                .info,
                "Profiles: "
                    + profiles.names.map { $0 == session.profile ? "\($0) (current)" : $0 }.joined(separator: ", "))
            return
        }
        guard profiles.names.contains(name) else {
            state.flash = Notice(.warning, "No profile '\(name)' (profiles: \(profiles.names.joined(separator: ", ")))")
            return
        }
        if let opened = sessions[name] { return show(opened.session, header: opened.header, isNew: false) }
        state.flash = Notice(.info, "Signing in with profile \(name)…")
        effect({ await Self.attempt { try await profiles.open(name) } }) { runtime, opened in
            switch opened {
            case .success(let (session, header)):
                runtime.sessions[name] = (session, header)
                runtime.follow(session)
                runtime.show(session, header: header, isNew: true)
            case .failure(let error):
                runtime.state.flash = Notice(
                    .error, "Profile \(name): \((error as? APIError)?.userMessage ?? String(describing: error))")
            }
        }
    }

    func show(_ session: ConsoleSession, header: HeaderInfo, isNew: Bool) {
        self.session = session
        self.header = header
        state.overlay = nil
        state.editingFilter = false
        state.pane = .accounts
        state.offsets = [:]
        if isNew || !session.isStarted { session.start() }
        state.flash = Notice(.success, "Profile \(session.profile) · \(header.provider.displayName)")
        settle()
    }
}
