#!/usr/bin/env python3
"""Runs one scenario of the official Cloudflare Python SDK (PyPI `cloudflare` 5.9.0) against a server.

Used by `Tests/IntegrationTests/CloudflareConformanceTests.swift` to check that the DemoServer speaks the
same wire format as the real Cloudflare v4 API: if the official SDK cannot use our fake, the fake is wrong.

Configuration comes only from the SDK's own environment variables:
  CLOUDFLARE_BASE_URL    e.g. http://127.0.0.1:54321/client/v4
  CLOUDFLARE_API_TOKEN   the bearer token

Usage:
  cloudflare_conformance.py accounts
  cloudflare_conformance.py members ACCOUNT_ID [--per-page N]
  cloudflare_conformance.py invites          (accepts the first pending invite, rejects the next one if any)
  cloudflare_conformance.py roll USER_TOKEN_ID ACCOUNT_TOKEN_ID ACCOUNT_ID [--body none|empty]
  cloudflare_conformance.py autherror [--call user|accounts|verify]
  cloudflare_conformance.py retry429
  cloudflare_conformance.py sweep

Every scenario accepts --lenient, which turns off the SDK's strict response validation (on by default:
a response that does not match the SDK's pydantic models is a conformance failure).

On success exactly one JSON object is printed on stdout and the exit status is 0. On failure a message
goes to stderr and the exit status is non-zero (2 for an HTTP error from the server, 3 for a response the
SDK could not validate, 4 for a scenario precondition that did not hold, 1 for anything else).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
import warnings
from typing import Any, Callable, Dict, List, NoReturn, Optional

try:
    import cloudflare
    from cloudflare import Cloudflare
except ImportError as error:  # pragma: no cover - reported to the Swift side
    print(f"cannot import the cloudflare SDK: {error} (run scripts/setup-venv.sh)", file=sys.stderr)
    sys.exit(1)

EXPECTED_SDK_VERSION = "5.9.0"


class ScenarioFailure(Exception):
    """A precondition of the scenario did not hold (for example: no pending invite to accept)."""


def fail(message: str, code: int = 1) -> NoReturn:
    print(f"cloudflare_conformance: {message}", file=sys.stderr)
    sys.exit(code)


def make_client(strict: bool) -> Cloudflare:
    for name in ("CLOUDFLARE_BASE_URL", "CLOUDFLARE_API_TOKEN"):
        if not os.environ.get(name):
            fail(f"environment variable {name} is not set")
    # Other credential variables would change which auth headers the SDK sends (it prefers email/key).
    for name in ("CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "CLOUDFLARE_API_USER_SERVICE_KEY"):
        if os.environ.get(name):
            fail(f"environment variable {name} must not be set for the conformance run")
    # Base URL and token are read by the SDK itself from the environment.
    return Cloudflare(_strict_response_validation=strict)


def error_items(error: "cloudflare.APIError") -> List[Dict[str, Any]]:
    items = []
    for item in error.errors or []:
        items.append({"code": getattr(item, "code", None), "message": getattr(item, "message", None)})
    return items


def dump(model: Any) -> Any:
    """A JSON-ready dict of an SDK model, as the SDK parsed it (aliases, unset fields left out)."""
    if model is None:
        return None
    return model.to_dict(mode="json")


def describe_validation_error(error: "cloudflare.APIResponseValidationError") -> str:
    """Where a response broke the SDK's models: each failing field, its value and the object that holds it."""
    lines = [f"the SDK rejected the response to {error.request.method} {error.request.url} (HTTP {error.status_code})"]
    cause = error.__cause__
    problems = cause.errors() if hasattr(cause, "errors") else []
    for problem in problems[:5]:
        location = list(problem.get("loc", ()))
        holder: Any = error.body
        for key in location[:-1]:  # the object that holds the failing field
            try:
                holder = holder[key]
            except (KeyError, IndexError, TypeError):
                holder = None
                break
        path = ".".join(str(part) for part in location)
        lines.append(f"  {path}: {problem.get('msg')} (got {json.dumps(problem.get('input'))})")
        if holder is not None:
            lines.append(f"    in {json.dumps(holder)[:600]}")
    if len(problems) > 5:
        lines.append(f"  … and {len(problems) - 5} more")
    if not problems:
        lines.append(f"  {cause or error.message}")
    return "\n".join(lines)


# Scenarios


def scenario_accounts(client: Cloudflare, _: argparse.Namespace) -> Dict[str, Any]:
    accounts = [{"id": account.id, "name": account.name, "type": account.type} for account in client.accounts.list()]
    return {"scenario": "accounts", "count": len(accounts), "accounts": accounts}


def scenario_members(client: Cloudflare, args: argparse.Namespace) -> Dict[str, Any]:
    params: Dict[str, Any] = {"account_id": args.account_id}
    if args.per_page is not None:
        params["per_page"] = args.per_page
    ids: List[Optional[str]] = []
    statuses: Dict[str, int] = {}
    for member in client.accounts.members.list(**params):  # the SDK's auto-pager: page=1, 2, … until empty
        ids.append(member.id)
        statuses[str(member.status)] = statuses.get(str(member.status), 0) + 1
    return {
        "scenario": "members",
        "account_id": args.account_id,
        "count": len(ids),
        "unique_count": len(set(ids)),
        "first_id": ids[0] if ids else None,
        "last_id": ids[-1] if ids else None,
        "statuses": statuses,
    }


def scenario_invites(client: Cloudflare, _: argparse.Namespace) -> Dict[str, Any]:
    invites = list(client.user.invites.list())
    listed = [
        {
            "id": invite.id,
            "organization_id": invite.organization_id,
            "organization_name": invite.organization_name,
            "status": invite.status,
            "invited_member_email": invite.invited_member_email,
            "roles": invite.roles,
        }
        for invite in invites
    ]
    pending = [invite for invite in invites if invite.status == "pending"]
    if not pending:
        raise ScenarioFailure(f"no pending invite among {len(invites)} listed")
    target = pending[0]
    assert target.id is not None
    edited = client.user.invites.edit(target.id, status="accepted")
    fetched = client.user.invites.get(target.id)
    # The accepted account is now the user's: its member list must still pass the SDK's validation.
    accepted_members = len(list(client.accounts.members.list(account_id=target.organization_id, per_page=50)))
    result: Dict[str, Any] = {
        "scenario": "invites",
        "invites": listed,
        "accepted_id": target.id,
        "accepted_account_id": target.organization_id,
        "accepted_account_members": accepted_members,
        "edited": dump(edited),
        "fetched_after": dump(fetched),
        "rejected_id": None,
        "rejected": None,
    }
    if len(pending) > 1 and pending[1].id is not None:  # decline the next one, when there is one
        result["rejected_id"] = pending[1].id
        result["rejected"] = dump(client.user.invites.edit(pending[1].id, status="rejected"))
    return result


def scenario_roll(client: Cloudflare, args: argparse.Namespace) -> Dict[str, Any]:
    # SDK 5.9.0: `update(token_id, *, extra_*)` sends a PUT with no body. Cloudflare's OpenAPI schema wants a
    # JSON object, so `--body empty` sends `{}` through `extra_body` (what a careful client would do).
    extra: Dict[str, Any] = {"extra_body": {}} if args.body == "empty" else {}
    user_secret = client.user.tokens.value.update(args.user_token_id, **extra)
    account_secret = client.accounts.tokens.value.update(
        args.account_token_id, account_id=args.account_id, **extra
    )
    for label, secret in (("user", user_secret), ("account", account_secret)):
        if not isinstance(secret, str) or not secret:
            raise ScenarioFailure(f"{label} token roll returned {secret!r}, expected a non-empty string")
    return {
        "scenario": "roll",
        "body": args.body,
        "user_token": {"id": args.user_token_id, "secret": user_secret},
        "account_token": {"id": args.account_token_id, "account_id": args.account_id, "secret": account_secret},
    }


def scenario_autherror(client: Cloudflare, args: argparse.Namespace) -> Dict[str, Any]:
    calls = {
        "user": lambda: client.user.get(),
        "accounts": lambda: list(client.accounts.list()),
        "verify": lambda: client.user.tokens.verify(),
    }
    try:
        result = calls[args.call]()
    except cloudflare.APIStatusError as error:
        body = error.body if isinstance(error.body, dict) else None
        return {
            "scenario": "autherror",
            "call": args.call,
            "exception": type(error).__name__,
            "status_code": error.status_code,
            "success": body.get("success") if body is not None else None,
            "errors": error_items(error),
        }
    raise ScenarioFailure(f"{args.call} succeeded with a token that should be rejected: {result!r}")


def scenario_retry429(client: Cloudflare, _: argparse.Namespace) -> Dict[str, Any]:
    started = time.monotonic()
    raw = client.accounts.with_raw_response.list()
    elapsed = time.monotonic() - started
    page = raw.parse()
    accounts = [account.id for account in page]  # iterates later pages too, if any
    return {
        "scenario": "retry429",
        "succeeded": True,
        "status_code": raw.status_code,
        "retries_taken": raw.retries_taken,
        "first_request_seconds": round(elapsed, 3),
        "count": len(accounts),
        "ids": accounts,
    }


def scenario_sweep(client: Cloudflare, _: argparse.Namespace) -> Dict[str, Any]:
    """Every read of the User and Accounts API the console uses, each validated strictly against the SDK models.

    A failing call does not stop the sweep: each one is reported with the reason, and the exit status stays 0.
    """
    calls: Dict[str, Callable[[], Any]] = {
        "user.get": lambda: client.user.get(),
        "user.tokens.list": lambda: list(client.user.tokens.list(include_expired=True)),
        "user.tokens.verify": lambda: client.user.tokens.verify(),
        "user.tokens.permission_groups.list": lambda: list(client.user.tokens.permission_groups.list()),
        "user.invites.list": lambda: list(client.user.invites.list()),
        "user.organizations.list": lambda: list(client.user.organizations.list()),
        "user.subscriptions.get": lambda: list(client.user.subscriptions.get()),
        "user.audit_logs.list": lambda: list(client.user.audit_logs.list(per_page=50)),
        "user.billing.history.list": lambda: list(client.user.billing.history.list(per_page=50)),
        "user.billing.profile.get": lambda: client.user.billing.profile.get(),
    }
    account_ids = [account.id for account in client.accounts.list(per_page=50)]
    for account_id in account_ids:
        calls.update({
            f"accounts.get {account_id}": lambda a=account_id: client.accounts.get(account_id=a),
            f"accounts.members.list {account_id}": lambda a=account_id: list(
                client.accounts.members.list(account_id=a, per_page=50)
            ),
            f"accounts.roles.list {account_id}": lambda a=account_id: list(client.accounts.roles.list(account_id=a)),
            f"accounts.tokens.list {account_id}": lambda a=account_id: list(
                client.accounts.tokens.list(account_id=a, include_expired=True)
            ),
            f"accounts.tokens.permission_groups.list {account_id}": lambda a=account_id: list(
                client.accounts.tokens.permission_groups.list(account_id=a)
            ),
            f"accounts.subscriptions.get {account_id}": lambda a=account_id: list(
                client.accounts.subscriptions.get(account_id=a)
            ),
            f"accounts.logs.audit.list {account_id}": lambda a=account_id: list(
                client.accounts.logs.audit.list(account_id=a, since="2000-01-01", before="2100-01-01", limit=100)
            ),
        })
    results = []
    for name, call in calls.items():
        entry: Dict[str, Any] = {"call": name, "ok": True, "items": None, "error": None}
        try:
            value = call()
            entry["items"] = len(value) if isinstance(value, list) else None
        except cloudflare.APIResponseValidationError as error:
            entry.update(ok=False, error=describe_validation_error(error))
        except cloudflare.APIStatusError as error:
            entry.update(ok=False, error=f"HTTP {error.status_code} from {error.request.url}: {error_items(error)}")
        results.append(entry)
    return {
        "scenario": "sweep",
        "accounts": len(account_ids),
        "calls": results,
        "failed": sum(1 for entry in results if not entry["ok"]),
    }


def scenario_writes(client: Cloudflare, args: argparse.Namespace) -> Dict[str, Any]:
    """The writes of the identity workflows, through the SDK: invite with two roles, change roles, remove; create a
    token from two permission groups and update it whole; clear the telephone; leave an organization and cancel a
    subscription (the SDK reads their ids from the top level); create, rename and delete an account."""
    account_id = args.account_id
    roles = [role.id for role in client.accounts.roles.list(account_id=account_id)]
    groups = [group.id for group in client.user.tokens.permission_groups.list() if group.id]
    member = client.accounts.members.create(
        account_id=account_id, email="sdk.invitee@example.com", roles=roles[:2], status="pending")
    updated = client.accounts.members.update(member.id, account_id=account_id, roles=[{"id": roles[2]}])
    client.accounts.members.delete(member.id, account_id=account_id)
    policy = {"effect": "allow", "permission_groups": [{"id": groups[0]}, {"id": groups[1]}],
              "resources": {f"com.cloudflare.api.account.{account_id}": "*"}}
    token = client.user.tokens.create(name="sdk-token", policies=[policy])
    token_update = client.user.tokens.update(
        token.id, name="sdk-token-2", policies=[policy], status="disabled")
    client.user.edit(telephone="+1 555 0100")
    cleared = client.user.edit(telephone=None)
    organization_id = next(org.id for org in client.user.organizations.list() if org.id)
    left = client.user.organizations.delete(organization_id)
    subscription_id = next(sub.id for sub in client.user.subscriptions.get() if sub.id)
    cancelled = client.user.subscriptions.delete(subscription_id)
    account = client.accounts.create(name="SDK Account", type="standard")
    renamed = client.accounts.update(
        account_id=account.id, id=account.id, name="SDK Account 2", type="standard", settings={"enforce_twofactor": True})
    client.accounts.delete(account_id=account.id)
    return {
        "scenario": "writes",
        "member_id": member.id,
        "member_roles": [role.id for role in (member.roles or [])],
        "updated_roles": [role.id for role in (updated.roles or [])],
        "token_id": token.id,
        "token_has_value": bool(token.value),
        "token_groups": [group.id for policy in (token_update.policies or []) for group in policy.permission_groups],
        "token_status": token_update.status,
        "telephone_after_clear": cleared.telephone,
        "left_organization": organization_id,
        "left_id": getattr(left, "id", None),
        "cancelled_subscription": subscription_id,
        "cancelled_id": getattr(cancelled, "subscription_id", None),
        "account_id": account.id,
        "renamed": renamed.name,
        "renamed_enforces_twofactor": bool(renamed.settings and renamed.settings.enforce_twofactor),
    }


def scenario_policyscope(client: Cloudflare, args: argparse.Namespace) -> Dict[str, Any]:
    """Token policies bound per scope, as the dashboard binds them: a zone group on an account resource is refused
    (a BadRequestError naming the group); on the account's zones, with a user group on the user and a deny policy, it
    is created. Then an account subscription is created, changed and cancelled, and one role and one organization
    are read on their own."""
    account_id = args.account_id
    groups = {group.name: group for group in client.user.tokens.permission_groups.list() if group.id}
    user_id = client.user.get().id
    refused = None
    try:
        client.user.tokens.create(name="sdk-bad-scope", policies=[{
            "effect": "allow", "permission_groups": [{"id": groups["DNS Write"].id}],
            "resources": {f"com.cloudflare.api.account.{account_id}": "*"}}])
    except cloudflare.BadRequestError as error:
        refused = " ".join(item.get("message", "") for item in error_items(error))
    token = client.user.tokens.create(name="sdk-scoped", policies=[
        {"effect": "allow", "permission_groups": [{"id": groups["DNS Write"].id}],
         "resources": {f"com.cloudflare.api.account.{account_id}": {"com.cloudflare.api.account.zone.*": "*"}}},
        {"effect": "allow", "permission_groups": [{"id": groups["User Details Read"].id}],
         "resources": {f"com.cloudflare.api.user.{user_id}": "*"}},
        {"effect": "deny", "permission_groups": [{"id": groups["Billing Read"].id}],
         "resources": {f"com.cloudflare.api.account.{account_id}": "*"}},
    ])
    created = client.accounts.subscriptions.create(account_id=account_id, frequency="yearly", rate_plan={"id": "business"})
    changed = client.accounts.subscriptions.update(
        created.id, account_id=account_id, frequency="monthly", rate_plan={"id": "business"})
    client.accounts.subscriptions.delete(created.id, account_id=account_id)
    role_id = next(role.id for role in client.accounts.roles.list(account_id=account_id))
    role = client.accounts.roles.get(role_id, account_id=account_id)
    organization_id = next(org.id for org in client.user.organizations.list() if org.id)
    organization = client.user.organizations.get(organization_id)
    return {
        "scenario": "policyscope",
        "refused": refused,
        "token_id": token.id,
        "effects": [policy.effect for policy in (token.policies or [])],
        "subscription_id": created.id,
        "subscription_frequency": getattr(changed, "frequency", None),
        "role_id": getattr(role, "id", None),
        "organization_read": bool(organization),
    }


SCENARIOS = {
    "accounts": scenario_accounts,
    "members": scenario_members,
    "invites": scenario_invites,
    "roll": scenario_roll,
    "autherror": scenario_autherror,
    "retry429": scenario_retry429,
    "sweep": scenario_sweep,
    "writes": scenario_writes,
    "policyscope": scenario_policyscope,
}


def parse_arguments(argv: List[str]) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lenient", action="store_true", help="turn off strict response validation")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="scenario", required=True)
    commands.add_parser("accounts", parents=[common])
    members = commands.add_parser("members", parents=[common])
    members.add_argument("account_id")
    members.add_argument("--per-page", type=int, default=None)
    commands.add_parser("invites", parents=[common])
    roll = commands.add_parser("roll", parents=[common])
    roll.add_argument("user_token_id")
    roll.add_argument("account_token_id")
    roll.add_argument("account_id")
    roll.add_argument("--body", choices=["none", "empty"], default="none")
    autherror = commands.add_parser("autherror", parents=[common])
    autherror.add_argument("--call", choices=["user", "accounts", "verify"], default="user")
    commands.add_parser("retry429", parents=[common])
    commands.add_parser("sweep", parents=[common])
    writes = commands.add_parser("writes", parents=[common])
    writes.add_argument("account_id")
    policyscope = commands.add_parser("policyscope", parents=[common])
    policyscope.add_argument("account_id")
    return parser.parse_args(argv)


def main(argv: List[str]) -> int:
    args = parse_arguments(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # several legacy endpoints are deliberately exercised
    if cloudflare.__version__ != EXPECTED_SDK_VERSION:
        fail(f"cloudflare SDK {cloudflare.__version__} installed, expected {EXPECTED_SDK_VERSION}")
    client = make_client(strict=not args.lenient)
    try:
        result = SCENARIOS[args.scenario](client, args)
    except cloudflare.APIResponseValidationError as error:
        fail(f"{args.scenario}: {describe_validation_error(error)}", 3)
    except cloudflare.APIStatusError as error:
        fail(f"{args.scenario}: HTTP {error.status_code} from {error.request.method} {error.request.url}: "
             f"{json.dumps(error_items(error))}", 2)
    except cloudflare.APIConnectionError as error:
        fail(f"{args.scenario}: cannot reach {error.request.url}: {error.__cause__ or error}")
    except ScenarioFailure as error:
        fail(f"{args.scenario}: {error}", 4)
    except Exception:  # noqa: BLE001 - anything else is a bug somewhere: show the whole traceback
        traceback.print_exc()
        fail(f"{args.scenario}: unexpected error")
    result["sdk_version"] = cloudflare.__version__
    json.dump(result, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
