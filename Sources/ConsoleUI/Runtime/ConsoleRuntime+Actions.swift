import APICore
import ConsoleModel
import TUIKit

extension ConsoleRuntime {
    /// Carries out a bound action on the active pane.
    func perform(_ action: Action) {
        state.flash = nil
        let list = currentList
        let page = pageSize
        switch action {
        case .showPane(let pane): state.pane = pane
        case .nextPane: state.pane = PaneID(rawValue: state.pane.rawValue % 4 + 1) ?? .accounts
        case .previousPane: state.pane = PaneID(rawValue: (state.pane.rawValue + 2) % 4 + 1) ?? .accounts
        case .moveDown: list.moveSelection(by: 1)
        case .moveUp: list.moveSelection(by: -1)
        case .top: list.select(index: 0)
        case .bottom: list.select(index: list.rowCount - 1)
        case .pageDown: list.moveSelection(by: page)
        case .pageUp: list.moveSelection(by: -page)
        case .halfPageDown: list.moveSelection(by: max(1, page / 2))
        case .halfPageUp: list.moveSelection(by: -max(1, page / 2))
        case .open: open()
        case .filter: state.editingFilter = true
        case .palette: state.overlay = .palette(text: "", selected: 0)
        case .help: state.overlay = .help
        case .refresh: list.refresh()
        case .loadAll: list.loadAll()
        case .accept: confirmInvitation(.accept)
        case .reject: confirmInvitation(.reject)
        case .tokenMenu: openTokenMenu()
        case .newItem: if state.pane == .tokens { openTokenCreateForm() } else { openInviteForm() }
        case .edit:
            switch state.pane {
            case .tokens: openTokenEditForm()
            case .accounts: openAccountForm()
            default: openRolePicker()
            }
        case .remove: if state.pane == .accounts { confirmDeleteAccount() } else { confirmRemoveMember() }
        case .sortNext: list.sortByNextColumn()
        case .sortReverse: list.reverseSort()
        case .copyID:
            if let id = list.selectedID { copyToClipboard(id, what: "the id") }
        case .toggleDetails: state.showDetails.toggle()
        case .toggleInvitationMode:
            session.invitations.setMode(session.invitations.mode == .received ? .sent : .received)
        case .back: back()
        case .quit: quit()
        }
    }

    /// Enter: drills into what the row holds (an account, project, organization or service account), opens a
    /// token's action menu, or shows details.
    private func open() {
        switch state.pane {
        case .accounts:
            guard let account = session.accounts.snapshot.selectedRow else { return }
            session.focus(account: account)
            state.pane = .members
        case .tokens:
            guard let token = session.tokens.snapshot.selectedRow else { return }
            if let node = token.scopeNode {
                session.enter(node, from: .tokens)
            } else {
                openTokenMenu()
            }
        case .members, .invitations:
            state.showDetails.toggle()
        }
    }

    /// Esc: clears the filter first; otherwise steps back out of the last drill-in, to the pane and selection left.
    private func back() {
        if !currentList.filterText.isEmpty { return currentList.setFilter("") }
        guard let pane = session.back() else { return }
        state.pane = pane
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
            if key == .escape || key == .character("?") || key == .character("q") || key == .enter { state.overlay = nil }
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
        }
    }
}
