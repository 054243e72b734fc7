"""The disclosure office: plain Django apps, one per area (agencies, applications, appeals, …)."""
