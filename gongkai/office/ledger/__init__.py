"""The 依申请公开 ledger kept in a spreadsheet: read it (`sheet`), load it into an agency's
applications and appeals (`load`), write the blank template or an export (`template`); `labels`
maps the ledger's words to format keys. Not a Django app: it has no models of its own."""
