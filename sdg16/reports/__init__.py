"""Pure file builders (CSV, Excel, Parquet, PDF, HTML) from the same frames the screen shows."""
