@STO-4 @owasp-api:API8:2023 @gdpr:32
Feature: STO-4 No files exposed by the web tier
  Health systems leak through their web tier as often as through their databases: a directory
  listing of the exports folder, the .env file with the database password, the .git folder with a
  deploy token, a database backup left beside the site, or a Spring Boot actuator that hands anyone
  the application's environment or a dump of its memory.

  A system that holds health data is certified only if no web front it runs serves such a file to a
  stranger. A file counts only when it has the shape of what it claims to be and differs from what
  the server answers for an invented path, so a catch-all page is no finding. Periksa reads files
  with Range requests (a heap dump: its first 32 bytes), samples at most a few records of an export,
  rates the finding by what they hold, and reports secrets by name only.

  Scenario Outline: A stranger asks every declared <product> for exports, repository files, secrets, backups and diagnostics
    When a stranger asks each "<product>" web front the target declares for exports, repository files, secrets, backups and diagnostics
    Then none of them serves such a file

    Examples:
      | product              |
      | Web server           |
      | Spring Boot Actuator |
