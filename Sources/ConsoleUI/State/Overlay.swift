/// What covers the panes, if anything.
public enum Overlay: Sendable, Hashable {
    case help
    case palette(text: String, selected: Int)
    case confirm(ConfirmDialog)
    case tokenMenu(tokenID: String, items: [TokenMenuItem], selected: Int)
    /// The rolled secret modal; its content lives in the tokens view-model, never in state.
    case secret
    /// The guided rotation modal; its state (and the new secret) lives in the tokens view-model.
    case rotation(openedAt: Duration)
    /// The invite form (email + roles).
    case invite(InviteForm)
    /// The role picker of a member.
    case roles(RolePicker)
    /// A read-only view (audit log, billing, subscriptions, organizations, the user); rows live in the session.
    case records(RecordViewState)
    /// The user's profile form.
    case profileForm(ProfileForm)
    /// The token create / edit form.
    case tokenForm(TokenForm)
    /// The account edit form.
    case accountForm(AccountForm)
    /// The organization picker of an account move.
    case accountMove(AccountMovePicker)
    /// The SSO connection of an organization; its state lives in the session's SSO view-model.
    case sso
    /// The form that enables SSO or changes its settings.
    case ssoForm(SSOForm)
    /// Every person across the profiles (`:people`); rows live in `AppState.lens`.
    case people(LensTable)
    /// One person's memberships, invitations and keys; `people` is the table to go back to.
    case person(email: String, table: LensTable, people: LensTable)
    /// An offboarding plan being confirmed, run or resumed.
    case offboarding(OffboardingDialog)
    /// The risk lens's findings (`:risks`).
    case risks(LensTable)
}
