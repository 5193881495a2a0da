@STO-1 @hipaa:164.312(a)(1) @hipaa:164.312(d) @uu-pdp:35 @permenkes:29 @permenkes:30 @gdpr:5(1)(f) @gdpr:32 @owasp-api:API8:2023
Feature: STO-1 No search cluster answers without credentials
  In 2021 the e-HAC health-alert data of about 1.3 million travellers (national ID numbers,
  passport numbers, phone numbers, COVID test results and hospital details) sat in an
  Elasticsearch cluster that answered anyone who asked.

  A system that holds health data is certified only if every search service it runs refuses a
  stranger. Exposure is proven by two independent signals, such as the product's own banner (or its
  own error on an invented path) and its index listing. Periksa then reads at most a few documents
  and rates the finding by what they hold: identity numbers together with health data are critical.

  Scenario Outline: A stranger asks every declared <product> service who it is and what it holds
    When a stranger asks each "<product>" search service the target declares, without credentials, who it is and what it holds
    Then none of them answers with what it holds

    Examples:
      | product                  |
      | Elasticsearch/OpenSearch |
      | Solr                     |
      | Kibana                   |
