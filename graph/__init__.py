"""Graph store, triple building, queries, network and export."""
