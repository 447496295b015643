"""What a view shows: URL state, texts and locale, escaping and formatting, tables, details. Imports geo.data only."""
