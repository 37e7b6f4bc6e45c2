"""Exchange of frameworks with other systems: CASE 1.1 JSON and Moodle competency CSV."""
