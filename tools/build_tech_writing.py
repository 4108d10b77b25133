"""Generate glossaries/tech-writing-en.yaml from the tables below.

Run from the repository root: ``python tools/build_tech_writing.py``.

Product and technology names are case-sensitive terms (a name in the wrong
letter case is reported); their forbidden forms are the misspellings seen in
drafts. Style terms are case-insensitive. Each line of a table is
``canonical | forbidden; forbidden | note`` (the last two parts optional); the
notes are written for termcheck. Every name gets examples, built from a wrongly
cased or forbidden form.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

# (section, note used when a line has none, table)
NAMES = [
    (
        "Code hosting and version control",
        "Product name; keep its capitalization.",
        """
GitHub | Git Hub; Github.com
GitLab | Git Lab
Bitbucket | Bit Bucket
GitHub Actions | Github Actions
GitHub Copilot
GitHub Pages
GitLab CI
Git | | The version control system is written with a capital G in prose.
Gerrit
Gitea
""",
    ),
    (
        "Programming languages and formats",
        "Language or format name.",
        """
JavaScript | Java Script; Java script
TypeScript | Type Script
CoffeeScript | Coffee Script
PHP
Kotlin
Scala
Haskell
Erlang
Clojure
Fortran
COBOL
Lua
Objective-C | Objective C; ObjectiveC
PowerShell | Power Shell
WebAssembly | Web Assembly
SQL
GraphQL | Graph QL
gRPC
YAML
JSON
XML
HTML
HTML5
CSS
CSS3
Markdown | Mark Down
AsciiDoc | Ascii Doc
reStructuredText | restructured text; re-structured text
LaTeX
TOML
Protobuf | Proto Buf
MATLAB
Verilog
""",
    ),
    (
        "Runtimes, package managers and build tools",
        "Tool name.",
        """
Node.js | NodeJS; Node JS; Nodejs
npm | | Written in lower case, also at the start of a sentence where possible.
pnpm
PyPI | Py PI
Gradle
NuGet | Nu Get
RubyGems | Ruby Gems
CocoaPods | Cocoa Pods
Webpack | Web Pack
Vite
esbuild
Babel.js
ESLint | ES Lint
Pylint
mypy
pytest | Py Test
JUnit | J Unit
Cypress.io
CMake | C Make
Bazel
Deno
""",
    ),
    (
        "Frameworks and libraries",
        "Framework or library name.",
        """
Django
FastAPI | Fast API
Next.js | NextJS; Next JS
Nuxt.js | NuxtJS
Vue.js | VueJS; Vue JS
SvelteKit | Svelte Kit
jQuery | J Query
Tailwind CSS | TailwindCSS
Ember.js | EmberJS
Backbone.js | BackboneJS
NestJS | Nest JS
Laravel
Symfony
Ruby on Rails | Ruby On Rails; RubyOnRails
Spring Boot | SpringBoot
NumPy | Num Py
SciPy | Sci Py
PyTorch | Py Torch
TensorFlow | Tensor Flow
Keras
scikit-learn | scikit learn; SciKit Learn
Matplotlib | Mat Plot Lib
Jupyter
JupyterLab | Jupyter Lab
Jupyter Notebook
OpenCV | Open CV
Hugging Face | HuggingFace
LangChain | Lang Chain
spaCy
Pydantic
SQLAlchemy | SQL Alchemy
Electron.js
Qt
GTK
Unreal Engine
""",
    ),
    (
        "Databases and search",
        "Database or search engine name.",
        """
PostgreSQL | Postgre SQL; PostgresSQL; Postgre
MySQL | My SQL
SQLite | SQLlite; SQ Lite
MariaDB | Maria DB
MongoDB | Mongo DB
Redis
CouchDB | Couch DB
DynamoDB | Dynamo DB
Elasticsearch | Elastic Search
OpenSearch | Open Search
Neo4j
InfluxDB | Influx DB
ClickHouse | Click House
BigQuery | Big Query
Amazon Redshift
Microsoft SQL Server | MS SQL Server
Oracle Database
Firebase | Fire Base
Supabase
CockroachDB | Cockroach DB
TimescaleDB | Timescale DB
Memcached | Mem Cached
Apache Cassandra
Apache Kafka
RabbitMQ | Rabbit MQ
Snowflake Data Cloud
Databricks | Data Bricks
""",
    ),
    (
        "Cloud platforms",
        "Cloud product name.",
        """
Amazon Web Services
AWS
Amazon S3
Amazon EC2
AWS Lambda
Microsoft Azure | MS Azure
Google Cloud | Google Cloud Platform
Google Kubernetes Engine
Cloudflare | Cloud Flare
DigitalOcean | Digital Ocean
Heroku
Netlify
Vercel
Linode
OpenStack | Open Stack
Fastly
""",
    ),
    (
        "DevOps and operations",
        "Tool name.",
        """
Kubernetes | Kubernates; Kubernets
Docker
Docker Compose
Docker Hub | DockerHub
Podman
Terraform | Terra Form
Ansible
Jenkins
CircleCI | Circle CI
Travis CI | TravisCI
Argo CD | ArgoCD
Istio
Prometheus
Grafana
Kibana
Logstash | Log Stash
Datadog | Data Dog
PagerDuty | Pager Duty
Splunk
New Relic | NewRelic
NGINX
HAProxy | HA Proxy
VirtualBox | Virtual Box
VMware | VM Ware
OpenShift | Open Shift
Red Hat | RedHat
Red Hat Enterprise Linux
Ubuntu
Debian
CentOS | Cent OS
Arch Linux
openSUSE | Open SUSE
FreeBSD | Free BSD
OpenBSD | Open BSD
Linux
Raspberry Pi | RaspberryPi
Arduino
Vagrant by HashiCorp
HashiCorp | Hashi Corp
Consul by HashiCorp
""",
    ),
    (
        "Apple products",
        "Apple product name; Apple writes it this way.",
        """
macOS | Mac OS; OS X; OSX
iOS
iPadOS
watchOS
tvOS
visionOS
iPhone | I-Phone
iPad | I-Pad
iPod
iCloud | I-Cloud
iTunes
iMessage
iMac
Apple Watch
AirPods | Air Pods
AirDrop | Air Drop
AirPlay | Air Play
MacBook | Mac Book
MacBook Pro | Mac Book Pro
MacBook Air | Mac Book Air
Xcode | X-Code; X Code
SwiftUI | Swift UI
App Store | AppStore
FaceTime | Face Time
Siri
Apple Pay | ApplePay
""",
    ),
    (
        "Microsoft products",
        "Microsoft product name.",
        """
Microsoft 365 | MS 365
Microsoft Teams | MS Teams
PowerPoint | Power Point
OneDrive | One Drive
OneNote | One Note
SharePoint | Share Point
Visual Studio
Visual Studio Code
VS Code | VSCode
IntelliSense | Intelli Sense
Xbox | X-Box; X Box
LinkedIn | Linked In
Bing
Skype
Microsoft Excel | MS Excel
Microsoft Word | MS Word
Microsoft Outlook | MS Outlook
Windows Server
Windows Subsystem for Linux
PowerShell Core
""",
    ),
    (
        "Google products",
        "Google product name.",
        """
YouTube | You Tube
Gmail | G-mail; G mail
Google Docs
Google Sheets
Google Drive
Google Chrome
Chromebook | Chrome Book
Android Studio
Google Maps
Google Analytics
Google Workspace | G Suite
""",
    ),
    (
        "Other software and services",
        "Product name.",
        """
WordPress | Word Press
Drupal
Joomla
Shopify
WooCommerce | Woo Commerce
PayPal | Pay Pal
Salesforce | Sales Force
HubSpot | Hub Spot
Zendesk | Zen Desk
Jira
Trello
Figma
Photoshop | Photo Shop
Adobe Acrobat
InDesign | In Design
Dropbox | Drop Box
WhatsApp | Whats App
TikTok | Tik Tok
Facebook | Face Book
Instagram
Reddit
Wikipedia
Mozilla Firefox
LibreOffice | Libre Office
OpenOffice | Open Office
Spotify
Netflix
Airbnb | Air BnB
eBay | E-Bay
Telegram Messenger
Slack Technologies
Zoom Video Communications
""",
    ),
    (
        "Protocols, standards and hardware",
        "Name of a standard; keep its spelling.",
        """
Wi-Fi | WiFi; Wi Fi
Bluetooth | Blue Tooth
USB
USB-C | USB C; USBC
HTTP
HTTPS
IPv4
IPv6
DNS
SSH
TLS
OAuth | O Auth
OpenID Connect | Open ID Connect
SAML
RESTful | REST-ful
API
SDK
URL
URI
UTF-8 | UTF8; UTF 8
Unicode | Uni Code
ASCII
PDF
CSV
PNG
JPEG
SVG
WebSocket | Web Socket
WebRTC | Web RTC
WebGL | Web GL
OpenGL | Open GL
DirectX | Direct X
CUDA
OpenAPI | Open API
JSON Web Token
JWT
PostScript | Post Script
OpenType | Open Type
TrueType | True Type
Ethernet
NFC
LTE
QR code | QR-code
CAPTCHA
GPU
CPU
SSD
RAM
""",
    ),
]

STYLE = [
    (
        "Word choice and spelling",
        "House style: one spelling for one word.",
        """
email | e-mail; e mail | AP, Google and Microsoft style write "email".
website | web site; web-site
online | on-line
cannot | can not
log in to | login to; log into | "Log in" is the verb, "login" the noun.
sign in to | signin to; sign into | The verb is "sign in"; "sign-in" is the noun.
backend | back-end; back end
frontend | front-end; front end
plugin | plug-in
add-on | addon
checkbox | check box; check-box
drop-down list | dropdown list; drop down list
username | user name; user-name
filename | file name
file system | filesystem
database | data base; data-base
dataset | data set
metadata | meta data; meta-data
timestamp | time stamp; time-stamp
runtime | run-time
lifecycle | life cycle; life-cycle
workflow | work flow; work-flow
workspace | work space
codebase | code base
double-click | double click; doubleclick
right-click | right click
pop-up window | popup window; pop up window
e-commerce | ecommerce
smartphone | smart phone; smart-phone
touchscreen | touch screen
startup company | start-up company
spreadsheet | spread sheet
screenshot | screen shot; screen-shot
toolbar | tool bar
taskbar | task bar
sidebar | side bar
hashtag | hash tag
hyperlink | hyper link; hyper-link
cybersecurity | cyber security; cyber-security
multi-factor authentication | multifactor authentication; multi factor authentication
two-factor authentication | two factor authentication; 2-factor authentication
single sign-on | single sign on; single-sign-on
open source software | opensource software
command line | commandline
command-line interface | command line interface
keyboard shortcut | key board shortcut
internet of things | internet-of-things
machine learning | machine-learning
artificial intelligence | artifical intelligence
end-to-end encryption | end to end encryption
up-to-date | uptodate
read-only | readonly; read only
built-in | builtin
opt-in | optin
wildcard | wild card
whitespace | white space
placeholder | place holder
bookmark | book mark
download | down load
upload | up load
""",
    ),
    (
        "Inclusive language",
        "Inclusive term.",
        """
allowlist | whitelist; white list; white-list | Say what the list does.
denylist | blacklist; black list; black-list | Say what the list does.
main branch | master branch
primary node | master node
replica node | slave node
placeholder name | dummy name
""",
    ),
]

# "https" in lower case is read as the plural of "http", so it cannot show the
# wrong case of "HTTPS".
NO_CASE_EXAMPLE = frozenset({"HTTPS"})
_LINE = re.compile(r"\s*\|\s*")


def entries() -> Iterator[tuple[str, str, list[str], str, bool]]:
    """``(section, canonical, forbidden, note, case-sensitive)`` per table line."""
    for tables, sensitive in ((NAMES, True), (STYLE, False)):
        for section, default_note, table in tables:
            for line in table.strip().splitlines():
                parts = [*_LINE.split(line.strip()), "", ""]
                forbidden = [f.strip() for f in parts[1].split(";") if f.strip()]
                yield section, parts[0], forbidden, parts[2] or default_note, sensitive


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wrong(canonical: str, forbidden: list[str], sensitive: bool) -> str | None:
    """A wording that must give a finding: a forbidden form or the wrong case."""
    if forbidden:
        return forbidden[0]
    if not sensitive or canonical in NO_CASE_EXAMPLE:
        return None
    for variant in (canonical.lower(), canonical.upper(), canonical.title()):
        if variant != canonical and variant[1:] != canonical[1:]:
            return variant
    return None


def render() -> str:
    """The whole glossary file."""
    lines = [
        "# Product and technology names with their exact capitalization, and",
        "# common style variants of technical English.",
        "# Generated by tools/build_tech_writing.py; edit that script, not this file.",
        "#",
        "# Names are case-sensitive: 'Github' or 'javascript' is reported as wrong",
        "# case. Names that are also everyday words (Go, Rust, Swift, Python, Java,",
        "# Chrome, Windows, Maven, Svelte...) are left out, because a case-sensitive",
        "# term would report every ordinary use of the word. Style terms have",
        "# near-miss search off.",
        "version: 1",
        "name: Technical writing (English)",
        'description: "Product and technology names in their makers\' capitalization'
        " (GitHub, JavaScript, macOS) and house-style spellings (email, website,"
        ' log in to, allowlist)."',
        "language: en",
        "defaults:",
        "  severity: warning",
        "terms:",
    ]
    section = ""
    for where, canonical, forbidden, note, sensitive in entries():
        if where != section:
            lines += ["", f"  # {where}"]
            section = where
        lines += [f"  - id: {_slug(canonical)}", f"    canonical: {_quote(canonical)}"]
        if forbidden:
            lines.append("    forbidden: [" + ", ".join(map(_quote, forbidden)) + "]")
        # Style terms are everyday words: a near-miss of one ("files named" for
        # "file name") is usually another correct phrase.
        lines.append("    case: sensitive" if sensitive else "    fuzzy: false")
        lines.append(f"    note: {_quote(note)}")
        wrong = _wrong(canonical, forbidden, sensitive)
        if wrong is not None:
            bad, good = (
                f"The setup guide mentions {text} twice." for text in (wrong, canonical)
            )
            lines += [
                "    examples:",
                f"      bad: [{_quote(bad)}]",
                f"      good: [{_quote(good)}]",
            ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the glossary (default: glossaries/tech-writing-en.yaml)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", help="output file, or - for stdout")
    options = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    output = options.output or str(root / "glossaries" / "tech-writing-en.yaml")
    text = render()
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        print(f"{output}: {sum(1 for _ in entries())} terms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
