import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// Runs a catalogue action on the active pane (from its key, or from the palette with an argument).
    func perform(_ action: ConsoleAction, argument: String? = nil) {
        state.flash = nil
        action.run(self, argument)
    }

    /// What decides which actions are offered now.
    var actionContext: ActionContext {
        let members = session.members.snapshot
        return ActionContext(
            pane: state.pane, capabilities: session.capabilities, isTop: session.scope.isTop,
            invitationMode: session.invitations.mode, hasReceivedInvitations: session.invitations.hasReceived,
            membersUnsupported: members.placeholder != nil && members.loadState == .loaded)
    }

    /// Shows `pane` in the current scope.
    func show(_ pane: PaneID) { state.pane = pane }

    /// Opens the `?` overlay at its top.
    func openHelp() {
        state.helpOffset = 0
        state.overlay = .help
    }

    /// Enter on an account: puts it in scope and opens its members.
    func openAccount() {
        guard let account = session.accounts.snapshot.selectedRow else { return }
        session.focus(account: account, offsets: state.offsets)
        state.pane = .members
    }

    /// Enter on a token: a service account goes into scope (its credentials), any other token opens its action menu.
    func openToken() {
        guard let token = session.tokens.snapshot.selectedRow else { return }
        if let node = token.scopeNode {
            session.enter(node, from: .tokens, offsets: state.offsets)
        } else {
            openTokenMenu()
        }
    }

    func toggleInvitationMode() {
        session.invitations.setMode(session.invitations.mode == .received ? .sent : .received)
    }

    /// Esc, one thing at a time, the most recent first: close what Enter opened (the detail panel), then clear the
    /// filter, then step back out of the scope to the parent's pane exactly as it was left.
    func back() {
        if state.showDetails {
            state.showDetails = false
            return
        }
        if !currentList.filterText.isEmpty { return currentList.setFilter("") }
        guard let frame = session.back() else { return }
        state.pane = frame.pane
        state.offsets = frame.offsets
    }

    // MARK: - Filter line

    func handleFilterKey(_ key: Key) {
        let list = currentList
        switch key {
        case .escape:
            list.setFilter("")
            state.editingFilter = false
        case .enter, .down, .up:
            state.editingFilter = false
        case .backspace:
            list.setFilter(String(list.filterText.dropLast()))
        case .character(let character):
            list.setFilter(list.filterText + String(character))
        default:
            break
        }
    }

    // MARK: - Overlays

    func handleOverlayKey(_ key: Key) {
        switch state.overlay {
        case nil: return
        case .help:
            handleHelpKey(key)
        case .palette(let text, let selected):
            handlePaletteKey(key, text: text, selected: selected)
        case .confirm(let dialog):
            handleConfirmKey(key, dialog: dialog)
        case .tokenMenu(let tokenID, let items, let selected):
            handleTokenMenuKey(key, tokenID: tokenID, items: items, selected: selected)
        case .secret:
            switch key {
            case .escape, .enter, .character("q"):
                session.tokens.dismissReveal()
                state.overlay = nil
            case .character("c"):
                if let value = session.tokens.reveal?.secret.reveal() { copyToClipboard(value, what: "the new secret") }
            default: break
            }
        case .rotation(let openedAt):
            handleRotationKey(key, openedAt: openedAt)
        case .invite(let form):
            handleInviteKey(key, form: form)
        case .roles(let picker):
            handleRolePickerKey(key, picker: picker)
        case .sso:
            handleSSOKey(key)
        case .ssoForm(let form):
            handleSSOFormKey(key, form: form)
        case .records(let view):
            handleRecordsKey(key, view: view)
        case .profileForm(let form):
            handleProfileFormKey(key, form: form)
        case .tokenForm(let form):
            handleTokenFormKey(key, form: form)
        case .accountForm(let form):
            handleAccountFormKey(key, form: form)
        case .accountMove(let picker):
            handleAccountMoveKey(key, picker: picker)
        case .people(let table):
            handlePeopleKey(key, table: table)
        case .person(let email, let table, let people):
            handlePersonKey(key, email: email, table: table, people: people)
        case .risks(let table):
            handleRisksKey(key, table: table)
        case .offboarding(let dialog):
            handleOffboardingKey(key, dialog: dialog)
        }
    }
}

extension ConsoleRuntime {
    /// Keys of the `?` overlay: scroll it, or close it.
    func handleHelpKey(_ key: Key) {
        let lines = keyMap.help(in: actionContext).count
        let page = max(1, Overlays.helpRows(for: state.size))
        let last = max(0, lines - page)
        switch key {
        case .escape, .character("?"), .character("q"), .enter: state.overlay = nil
        case .down, .character("j"): state.helpOffset = min(last, state.helpOffset + 1)
        case .up, .character("k"): state.helpOffset = max(0, state.helpOffset - 1)
        case .pageDown, .character(" "), .control("d"): state.helpOffset = min(last, state.helpOffset + page)
        case .pageUp, .control("u"): state.helpOffset = max(0, state.helpOffset - page)
        case .home, .character("g"): state.helpOffset = 0
        case .end, .character("G"): state.helpOffset = last
        default: break
        }
    }
}
