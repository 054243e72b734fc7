"""The annual report (年度报告) of an agency: compiled from the ledger, edited, checked, published."""
