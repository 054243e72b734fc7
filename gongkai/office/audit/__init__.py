"""The audit trail of records other than the ledger's own history (which stays beside the case).

Appeals, annual-report drafts, agency settings, catalogue items: each change is a ChangeRecord
(who, when, what, each field old → new), written in the transaction of the change and never
edited or deleted. The API is in `trail`; form versions and row locks in
`gongkai.office.concurrency`.
"""
