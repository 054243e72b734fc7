"""主动公开: the catalogue (条例第十二条), review before publication, channels, interpretations,
consultations, 回应关切, and table 1 counted from them."""
