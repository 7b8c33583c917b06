// Word lists the large seed builds its directory from: people, groups, applications, workloads
// and places, combined so that thousands of objects have distinct, searchable names. Kept as
// comma-separated text so that each list stays a few lines long.
const list = (text: string) => text.split(',').map((word) => word.trim());

export const firstNames = list(`Aaliyah, Abel, Adaeze, Agnes, Ahmed, Aiko, Alba, Amara, Anders, Anika, Arjun, Astrid, Beatriz, Bjorn,
  Bongani, Camila, Carlos, Chen, Dalia, Daniel, Dario, Eitan, Elena, Emeka, Emma, Esther, Fatima, Felix, Freya, Gabriel, Hana, Hassan,
  Helga, Ibrahim, Ingrid, Isabel, Ivan, Jamal, Jana, Javier, Joao, Julia, Kai, Kamala, Karin, Kenji, Laila, Lars, Leila, Liam, Lucia,
  Luis, Maja, Malik, Marek, Maria, Mei, Mikael, Nadia, Naomi, Nikolai, Nora, Olga, Omar, Paulo, Petra, Rafael, Rania, Ravi, Rosa, Ruth,
  Sakura, Selin, Sergio, Sofia, Tariq, Thabo, Tomas, Valentina, Wei, Yara, Yusuf, Zainab, Zoltan`);

export const lastNames = list(`Abbasi, Adeyemi, Andersen, Bakker, Banerjee, Becker, Bianchi, Castillo, Chowdhury, Costa, Dubois,
  Eriksson, Fernandes, Fischer, Garcia, Gonzalez, Hansen, Hoffmann, Horvat, Ito, Ivanova, Jansen, Johansson, Kaur, Kowalski, Kruger,
  Larsen, Lopez, Mahlangu, Marino, Meyer, Moreau, Murphy, Nakamura, Nguyen, Novak, Nowak, Okonkwo, Olsen, Ortiz, Papadopoulos, Park,
  Pereira, Petrov, Popescu, Quispe, Rossi, Sahin, Santos, Schmidt, Silva, Singh, Sokolov, Suzuki, Takahashi, Tan, Torres, Van Dijk,
  Varga, Wagner, Wang, Watanabe, Wojcik, Yamamoto, Yilmaz, Zhang, Zimmermann`);

export const departments = list(`Finance, HR, Legal, Sales, Marketing, Engineering, Research, Support, Operations, Procurement,
  Logistics, Facilities, Security, IT, Data, Design, Compliance, Audit, Treasury, Payroll, Retail, Manufacturing, Quality, Training,
  Communications`);
export const regions = list('EMEA, AMER, APAC, NL, DE, FR, UK, US, BR, JP, IN, ZA');
export const groupPurposes = list('Users, Admins, Approvers, Contractors, Managers, Readers, Pilot, Mobile');

export const saasApps = list(`Salesforce, Workday, ServiceNow, Zoom, Slack, Atlassian Jira, Atlassian Confluence, GitHub Enterprise,
  GitLab, Adobe Creative Cloud, DocuSign, Box, Dropbox Business, SAP SuccessFactors, SAP Concur, SAP Ariba, Tableau, Zscaler, Coupa,
  Miro, Figma, Asana, Smartsheet, HubSpot, Zendesk, Snowflake, Databricks, Splunk, Datadog, PagerDuty, Cisco Webex, Oracle Fusion,
  NetSuite, BambooHR, Greenhouse, LinkedIn Learning, Freshservice, Lucidchart, Qualtrics, Egnyte`);
export const internalAreas = list(`Expenses, Travel, Benefits, Timesheets, Inventory, Orders, Pricing, Claims, Contracts, Billing,
  Warehouse, Fleet, Learning, Intranet, Helpdesk, Onboarding, Forecasting, Loyalty, Partner, Assets`);
export const internalKinds = list('Portal, API, Reports, Admin');

export const workloadSystems = list(`payroll, backup, billing, crm-sync, hr-import, ledger, etl, reporting, monitoring, ci, deploy,
  scanner, mailer, archive, search-index, data-lake, invoices, catalog, pricing, shipping, iot-hub, ticketing, audit-log,
  identity-sync, print, forecast, warehouse, fraud, chatbot, telemetry`);
export const environments = list('prod, test, dev, dr');

export const cities = list(`Amsterdam, Rotterdam, Berlin, Munich, Paris, Lyon, London, Manchester, Dublin, Madrid, Barcelona, Lisbon,
  Milan, Rome, Vienna, Zurich, Stockholm, Oslo, Copenhagen, Helsinki, Warsaw, Prague, Budapest, Athens, Istanbul, Dubai, Johannesburg,
  Cape Town, Lagos, Nairobi, New York, Boston, Chicago, Austin, Seattle, San Francisco, Toronto, Vancouver, Mexico City, Sao Paulo,
  Buenos Aires, Santiago, Tokyo, Osaka, Seoul, Singapore, Sydney, Melbourne, Mumbai, Bangalore`);
export const siteKinds = list('office, guest Wi-Fi');
export const countryCodes = list(`NL, BE, DE, FR, GB, IE, ES, PT, IT, AT, CH, SE, NO, DK, FI, PL, CZ, HU, GR, TR, AE, ZA, NG, KE, US, CA,
  MX, BR, AR, CL, JP, KR, SG, AU, NZ, IN, CN, RU, KP, IR, SY, BY, VE, CU`);
