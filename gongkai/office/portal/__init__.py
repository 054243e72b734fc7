"""The public site: each agency's 政府信息公开指南 basics, its published annual reports, and the
place of its 主动公开目录 (条例第十二条)."""
