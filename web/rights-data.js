// Generated from guides/rights/*.toml by `cargo test -p guides --test rights`
// (SPENDREIN_WRITE_RIGHTS=1 rewrites it). Do not edit: change the TOML files.
export default {
  "regions": [
    {
      "currencies": [
        "EUR",
        "BGN",
        "CZK",
        "DKK",
        "HUF",
        "ISK",
        "NOK",
        "PLN",
        "RON",
        "SEK"
      ],
      "id": "eu",
      "last_reviewed": "2026-12-03",
      "name": "European Union and EEA",
      "sources": [
        {
          "id": "crd-guidance",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Withdrawal from the provision of services (a copy of the European Commission's guidance on Directive 2011/83/EU, quoting Article 14(3))",
          "url": "https://1library.net/article/w-ithdrawal-from-the-provision-of-services.zp4xp54z"
        },
        {
          "id": "dixa-withdrawal",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Dixa blog: guide to the EU right of withdrawal for online merchants",
          "url": "https://dixa.com/blog/eu-right-of-withdrawal-guide-online-merchants"
        },
        {
          "id": "crd-art9",
          "owner": "law",
          "read": "2026-12-03",
          "title": "Directive 2011/83/EU, Article 9: Right of withdrawal (as adopted)",
          "url": "https://www.legislation.gov.uk/eudr/2011/83/article/9/adopted"
        },
        {
          "id": "your-europe-returns",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Returns - Your Europe",
          "url": "https://europa.eu/youreurope/citizens/consumers/shopping/returns/index_en.htm"
        },
        {
          "id": "dir-2023-2673",
          "owner": "law",
          "read": "2026-12-03",
          "title": "Directive (EU) 2023/2673 amending Directive 2011/83/EU as regards financial services contracts concluded at a distance and repealing Directive 2002/65/EC",
          "url": "https://eur-lex.europa.eu/eli/dir/2023/2673/oj"
        },
        {
          "id": "ecc-fi-withdrawal",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Requirement for online stores to offer a statutory withdrawal function in June 2026 (European Consumer Centre Finland)",
          "url": "https://www.ecc.fi/en/current/news/requirement-for-online-stores-to-offer-a-statutory-withdrawal-function-in-june-2026/"
        },
        {
          "id": "loyens-withdrawal",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "New EU rules on withdrawing from online contracts (Loyens & Loeff)",
          "url": "https://www.loyensloeff.com/insights/news--events/news/new-eu-rules-on-withdrawing-from-online-contracts/"
        },
        {
          "id": "bde-direct-debits",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Direct debits (Banco de España, bank customer portal)",
          "url": "https://clientebancario.bde.es/pcb/en/menu-horizontal/productosservici/serviciospago/Adeudos_domiciliados.html"
        },
        {
          "id": "mfsa-payment-services",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Payment Services (Malta Financial Services Authority)",
          "url": "https://www.mfsa.mt/consumers/consumer-rights-and-duties/payment-services/"
        },
        {
          "id": "ulster-sepa-refund",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "What is a SEPA Direct Debit Refund? (Ulster Bank Bankline help)",
          "url": "https://help.bankline.ulsterbank.co.uk/help/support/other_services/sepaddo/eur_dd_refund"
        },
        {
          "id": "revolut-chargeback",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Chargeback rights & rules (Revolut help)",
          "url": "https://help.revolut.com/en-FI/help/card-payments-withdrawals/refunds/chargeback-rights-rules/"
        }
      ],
      "summary": "What EU consumer law gives you when you want out of an online subscription or a charge came after you cancelled. A summary in plain words, not legal advice: each country writes these rules into its own law, and the details can differ.",
      "topics": [
        {
          "id": "withdrawal",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "The date you signed up or the contract renewed, from the vendor's confirmation e-mail or your account page."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "A clear statement that you withdraw (the vendor's withdrawal button, its form, or an e-mail), and a copy of it with the date you sent it."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "crd-art9",
                "your-europe-returns"
              ],
              "text": "A contract made online, by phone or by post (a distance contract) can be withdrawn from within 14 days without giving a reason. For a service, which is what most subscriptions are, and for downloads or streams, the 14 days run from the day the contract was made."
            },
            {
              "confirmed": false,
              "src": [
                "crd-guidance"
              ],
              "text": "If you asked for the service to start during the 14 days and then withdraw, the trader may charge for what you received up to the day you withdrew; the rest of what you paid is refunded."
            },
            {
              "confirmed": true,
              "src": [
                "your-europe-returns"
              ],
              "text": "Digital content that is not on a physical medium (a film, song, game or app you download or stream) loses the right of withdrawal once supply has begun, but only if you expressly agreed to it starting within the 14 days and acknowledged that you would lose the right. Sign-up pages often ask for exactly this; check the confirmation e-mail."
            },
            {
              "confirmed": false,
              "src": [
                "dixa-withdrawal"
              ],
              "text": "If the trader never told you about the right of withdrawal, the period is extended by up to 12 months."
            }
          ],
          "title": "14 days to withdraw from an online contract"
        },
        {
          "id": "withdrawal-button",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "The acknowledgement e-mail: it proves the date and time you withdrew."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "ecc-fi-withdrawal",
                "dir-2023-2673"
              ],
              "text": "Since 19 June 2026 a trader that sells online in the EU must offer a withdrawal function on the website or app where you signed up: clearly labelled, prominently placed and available for the whole withdrawal period. The other ways of withdrawing (a form, an e-mail) stay valid."
            },
            {
              "confirmed": true,
              "src": [
                "loyens-withdrawal",
                "ecc-fi-withdrawal"
              ],
              "text": "The function is to be labelled \"withdraw from contract here\" or in equally clear words. You give your name, what contract it is and where to send the confirmation, then press a second button labelled \"confirm withdrawal\" or similar."
            },
            {
              "confirmed": true,
              "src": [
                "ecc-fi-withdrawal",
                "loyens-withdrawal"
              ],
              "text": "After you use it, the trader must send you, without undue delay and on a durable medium such as an e-mail, an acknowledgement showing what you sent and the date and time."
            }
          ],
          "title": "The online withdrawal button"
        },
        {
          "id": "chargeback",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "The date and amount of each charge after you cancelled, and the vendor's name as it appears on the statement."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "Your cancellation confirmation (e-mail or screenshot with the date)."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "The Spendrein reference (Create reference on the result card): the cancellation date and the charges after it, in one link or printout."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "ulster-sepa-refund",
                "bde-direct-debits"
              ],
              "text": "For a SEPA direct debit you can ask your bank to refund a collection within 8 weeks of the debit date. Under the SEPA Core scheme the bank does this without asking why; the law itself sets conditions for an authorised debit (for example that the amount was higher than you could reasonably expect)."
            },
            {
              "confirmed": true,
              "src": [
                "mfsa-payment-services",
                "bde-direct-debits"
              ],
              "text": "A payment you did not authorise, such as a direct debit collected without a valid mandate, can be reported to your bank for correction up to 13 months after the debit date."
            },
            {
              "confirmed": false,
              "src": [
                "revolut-chargeback"
              ],
              "text": "For a card payment, a chargeback runs under the card scheme's rules (Visa, Mastercard), not under a statute: your bank decides whether your case fits them and there is no guarantee, even with evidence. Ask the vendor for a refund first and keep its answer."
            }
          ],
          "title": "When charges continue: your bank and card"
        }
      ]
    },
    {
      "currencies": [
        "GBP"
      ],
      "id": "uk",
      "last_reviewed": "2026-12-03",
      "name": "United Kingdom",
      "sources": [
        {
          "id": "ccr-2013",
          "owner": "law",
          "read": "2026-12-03",
          "title": "The Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013",
          "url": "https://www.legislation.gov.uk/uksi/2013/3134/body"
        },
        {
          "id": "mylawyer-cancellation-period",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Cancellation periods (mylawyer)",
          "url": "https://www.mylawyer.co.uk/cancellation-periods-a-A76062D77401/"
        },
        {
          "id": "which-cancel-service",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "How do I cancel an order for a service bought online? (Which?)",
          "url": "https://www.which.co.uk/consumer-rights/advice/how-do-i-cancel-an-order-for-a-service-bought-online-a0u8p9M3QVYz"
        },
        {
          "id": "mondaq-digital-downloads",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "E-Commerce Law Update: New Regulations And Guidance Issued On Digital Downloads (Mondaq)",
          "url": "https://www.mondaq.com/x/284822/Consumer+Trading+Unfair+Trading/ECommerce+Law+Update+New+Regulations+And+Guidance+Issued+On+Digital+Downloads+Compliance+Deadline+14+June+2014"
        },
        {
          "id": "gunnercooke-dmcc",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "DMCC: Changes to subscription contracts (gunnercooke)",
          "url": "https://gunnercooke.com/?p=27329"
        },
        {
          "id": "emw-dmcc",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "The new rules under the Digital Markets, Competition and Consumers Act 2024 (EMW)",
          "url": "https://www.emwlaw.com/latest-thinking/the-new-rules-under-the-digital-markets-competition-and-consumers-act-2024/"
        },
        {
          "id": "tlt-dmcc",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "DMCCA subscription contracts rules - what's the latest? (TLT)",
          "url": "https://www.tlt.com/insights-and-events/insight/dmcca-subscription-contracts-rules---whats-the-latest"
        },
        {
          "id": "reedsmith-dmcc",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Enforcement delay and waiver dismay: DMCC subscription rules postponed again (Reed Smith)",
          "url": "https://www.reedsmith.com/our-insights/blogs/viewpoints/102moxp/enforcement-delay-and-waiver-dismay-dmcc-subscription-rules-postponed-again"
        },
        {
          "id": "moneyhelper-card",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "How you're protected when you pay by card (MoneyHelper)",
          "url": "https://www.moneyhelper.org.uk/en/everyday-money/credit/how-youre-protected-when-you-pay-by-card"
        },
        {
          "id": "ulster-credit-cards",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Your guide to credit cards (Ulster Bank)",
          "url": "https://www.ulsterbank.co.uk/credit-cards/guide-to-credit-cards.html"
        },
        {
          "id": "friendlyscore-chargeback",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Chargeback Claims - how to get your money back (FriendlyScore)",
          "url": "https://friendlyscore.com/blog/credit-cards/chargeback-claims-how-to-get-your-money-back"
        }
      ],
      "summary": "What UK consumer law gives you when you want out of an online subscription or a charge came after you cancelled. A summary in plain words, not legal advice.",
      "topics": [
        {
          "id": "cancellation-period",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "The date you signed up, from the confirmation e-mail or your account page."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "A clear statement that you cancel (the trader's form, an e-mail or a letter), and a copy with the date you sent it."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "ccr-2013",
                "mylawyer-cancellation-period"
              ],
              "text": "The Consumer Contracts Regulations 2013 (in force since 13 June 2014) let you cancel a contract made online, by phone or by post within 14 days without giving a reason. For a service, and for digital content that is downloaded or streamed, the 14 days start the day after the contract was made."
            },
            {
              "confirmed": false,
              "src": [
                "which-cancel-service"
              ],
              "text": "If you agreed to a service starting within the 14 days and then cancel, you are refunded but can be charged for the service you have already had. The refund is due within 14 days of your cancellation."
            },
            {
              "confirmed": false,
              "src": [
                "mondaq-digital-downloads"
              ],
              "text": "For digital content (a download or stream) the trader must get your express consent and your acknowledgement that you lose the right to cancel before supplying it within the 14 days; without them you keep the right to cancel."
            },
            {
              "confirmed": false,
              "src": [
                "mylawyer-cancellation-period"
              ],
              "text": "If the trader did not tell you about the right to cancel, the cancellation period is extended by up to 12 months."
            }
          ],
          "title": "14 days to cancel an online contract"
        },
        {
          "id": "subscription-rules",
          "needs": [],
          "points": [
            {
              "confirmed": false,
              "src": [
                "gunnercooke-dmcc",
                "emw-dmcc"
              ],
              "text": "The Digital Markets, Competition and Consumers Act 2024 brings in a regime for subscription contracts: reminder notices before renewals and before a free trial or discount ends, a way to end the contract with one clear statement, and a cooling-off period at the start and after a trial or certain renewals."
            },
            {
              "confirmed": false,
              "src": [
                "reedsmith-dmcc",
                "tlt-dmcc",
                "gunnercooke-dmcc"
              ],
              "text": "Those subscription rules were not in force when the sources were read. The government first aimed for spring 2026; a later report said autumn 2026; the latest report read says the government's consultation response moves the start to spring 2027. Until then the 2013 Regulations above apply."
            }
          ],
          "title": "New subscription rules (DMCC Act 2024): not in force yet"
        },
        {
          "id": "card-protection",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "The date and amount of each charge after you cancelled, and the name on the statement."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "Your cancellation confirmation and any reply from the vendor refusing a refund."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "The Spendrein reference (Create reference on the result card): the cancellation date and the charges after it, in one link or printout."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "moneyhelper-card"
              ],
              "text": "Section 75 of the Consumer Credit Act makes your credit card provider equally responsible with the seller when something costing over £100 and up to £30,000 is not supplied or not as described. It does not cover debit cards, and the £100 counts per item, not per bill."
            },
            {
              "confirmed": true,
              "src": [
                "moneyhelper-card",
                "ulster-credit-cards",
                "friendlyscore-chargeback"
              ],
              "text": "Chargeback is a voluntary scheme of the card networks, not a law. It covers debit, credit and prepaid cards of any value, and your card provider can use it when you are charged for a repeat payment after cancelling a subscription."
            },
            {
              "confirmed": false,
              "src": [
                "friendlyscore-chargeback"
              ],
              "text": "Chargeback has time limits set by the card schemes, usually 120 days; ask the seller for a refund first, then your card provider."
            }
          ],
          "title": "When charges continue: Section 75 and chargeback"
        }
      ]
    },
    {
      "currencies": [
        "USD"
      ],
      "id": "us",
      "last_reviewed": "2026-12-03",
      "name": "United States",
      "sources": [
        {
          "id": "harmony-rosca",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Subscriptions and Recurring Charges and the Restore Online Shoppers' Confidence Act (Harmony Law, quoting 15 U.S.C. 8403)",
          "url": "https://www.harmony.law/subscriptions-and-recurring-charges-and-restore-online-shoppers-confidence-act"
        },
        {
          "id": "natlaw-rosca",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "FTC Outlines Ingredients of a ROSCA Action (National Law Review)",
          "url": "https://natlawreview.com/article/ftc-outlines-ingredients-rosca-action"
        },
        {
          "id": "latham-vacated",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Eighth Circuit Vacates FTC's Click-to-Cancel Rule Days Before Compliance Deadline (Latham & Watkins)",
          "url": "https://www.lw.com/en/insights/eighth-circuit-vacates-ftc-click-to-cancel-rule-days-before-compliance-deadline"
        },
        {
          "id": "natlaw-vacated",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Eighth Circuit Vacates FTC's Click-to-Cancel Negative Option Rule (National Law Review)",
          "url": "https://natlawreview.com/article/eighth-circuit-vacates-ftcs-click-cancel-negative-option-rule"
        },
        {
          "id": "sidley-anprm",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "U.S. FTC Signals Renewed Interest in \"Click-to-Cancel\" Rulemaking (Sidley)",
          "url": "https://www.sidley.com/ja/insights/newsupdates/2026/02/us-ftc-signals-renewed-interest-in-click-to-cancel-rulemaking"
        },
        {
          "id": "covington-anprm",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "FTC Restarts Negative Option Rulemaking Process (Inside Privacy, Covington)",
          "url": "https://www.insideprivacy.com/consumer-protection/ftc-restarts-negative-option-rulemaking-process"
        },
        {
          "id": "lexblog-ab2863",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "California Governor Signs New Automatic Renewal Requirements Into Law (LexBlog)",
          "url": "https://www.lexblog.com/2024/09/27/california-governor-signs-new-automatic-renewal-requirements-into-law/"
        },
        {
          "id": "ca-ab2863",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "California AB 2863 (2023-2024): Automatic renewal and continuous service offers (Plural, with the Legislative Counsel's digest)",
          "url": "https://open.pluralpolicy.com/ca/bills/20232024/AB2863"
        },
        {
          "id": "ca-17602",
          "owner": "law",
          "read": "2026-12-03",
          "title": "AB-2811 Advertising: automatic renewal and continuous service offers, text of section 17602 (California Legislative Information)",
          "url": "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=201920200AB2811"
        },
        {
          "id": "ny-527a",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "N.Y. General Business Law Section 527-A: Unlawful practices (public.law, from nysenate.gov)",
          "url": "https://newyork.public.law/laws/n.y._general_business_law_section_527-a"
        },
        {
          "id": "ny-a3245",
          "owner": "law",
          "read": "2026-12-03",
          "title": "A03245 (2023-2024): amending section 527-a of the general business law (New York State Assembly)",
          "url": "https://assembly.state.ny.us/leg/?default_fld=&bn=A03245&term=2023&Summary=Y&Actions=Y&Text=Y&Committee%26nbspVotes=Y&Floor%26nbspVotes=Y"
        },
        {
          "id": "ca-dca-billing-errors",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Billing Errors (California Department of Consumer Affairs ConsumerWiki)",
          "url": "https://consumerwiki.dca.ca.gov/w/index.php/Billing_Errors"
        },
        {
          "id": "consumeraction-billing",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Consumer Action Handbook - Credit - Credit Billing Disputes (consumeraction.gov, archived 2009)",
          "url": "https://webarchive.library.unt.edu/eot2008/20090507182349/http://www.consumeraction.gov/caw_credit_billing_disputes.shtml"
        },
        {
          "id": "myboca-fcba",
          "owner": "regulator",
          "read": "2026-12-03",
          "title": "Credit Card Fraud (City of Boca Raton)",
          "url": "https://myboca.us/285/Credit-Card-Fraud"
        },
        {
          "id": "krautlaw-fcba",
          "owner": "third-party",
          "read": "2026-12-03",
          "title": "Fair Credit Billing (Kraut Law, quoting the FTC)",
          "url": "https://krautlaw.com/cons/cr7.html"
        }
      ],
      "summary": "What US federal and state law gives you when a subscription is hard to cancel or a charge came after you cancelled. A summary in plain words, not legal advice: most of these rules are state law, and they differ from state to state.",
      "topics": [
        {
          "id": "federal",
          "needs": [],
          "points": [
            {
              "confirmed": false,
              "src": [
                "harmony-rosca",
                "natlaw-rosca"
              ],
              "text": "The Restore Online Shoppers' Confidence Act (ROSCA, 15 U.S.C. 8403) makes it unlawful to charge you for an online subscription with an automatic renewal unless the seller disclosed its material terms before taking your billing details, got your express informed consent, and gives you a simple way to stop the recurring charges."
            },
            {
              "confirmed": false,
              "src": [
                "latham-vacated",
                "natlaw-vacated"
              ],
              "text": "The FTC's \"click-to-cancel\" rule (its amended Negative Option Rule, which would have required cancelling to be as easy as signing up) was vacated in full by the US Court of Appeals for the Eighth Circuit on 8 July 2025, before it took effect. It does not apply."
            },
            {
              "confirmed": false,
              "src": [
                "sidley-anprm",
                "covington-anprm"
              ],
              "text": "On 30 January 2026 the FTC sent a draft advance notice of proposed rulemaking on the Negative Option Rule for review, restarting the process; no new rule was in force in the sources read."
            }
          ],
          "title": "Federal rules: ROSCA and the FTC"
        },
        {
          "id": "state-laws",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "The date you signed up and how (website, app, phone), and the cancellation confirmation."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "lexblog-ab2863",
                "ca-ab2863",
                "ca-17602"
              ],
              "text": "California (Business and Professions Code section 17602): if you signed up online, the business must let you cancel online. Since 1 July 2025 (AB 2863) it must also let you cancel in the same way you signed up, must not obstruct or delay a cancellation, and must send a yearly reminder of what you are paying for, how often and how to cancel."
            },
            {
              "confirmed": true,
              "src": [
                "ny-527a",
                "ny-a3245"
              ],
              "text": "New York (General Business Law section 527-a): a person who accepted an automatic renewal online must be allowed to end it exclusively online, which may be a ready-made cancellation e-mail the business provides."
            },
            {
              "confirmed": false,
              "src": [
                "latham-vacated"
              ],
              "text": "Other states have automatic-renewal laws too, and the FTC and state attorneys general keep enforcing ROSCA and state unfair-practice laws after the federal rule was vacated."
            }
          ],
          "title": "State automatic-renewal laws"
        },
        {
          "id": "disputes",
          "needs": [
            {
              "confirmed": false,
              "src": [],
              "text": "Your name, account number, and the date and amount of each disputed charge, with why it is wrong (you cancelled on a given date)."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "Copies (not originals) of your cancellation confirmation and the statement showing the charge."
            },
            {
              "confirmed": false,
              "src": [],
              "text": "The Spendrein reference (Create reference on the result card): the cancellation date and the charges after it, in one link or printout."
            }
          ],
          "points": [
            {
              "confirmed": true,
              "src": [
                "ca-dca-billing-errors",
                "consumeraction-billing"
              ],
              "text": "Under the Fair Credit Billing Act you can dispute a credit card charge you did not make, an incorrect charge, or one for goods or services you did not receive. Write to the issuer at the address for billing inquiries (not the payment address) so that the letter reaches it within 60 days after the first statement showing the charge was sent."
            },
            {
              "confirmed": true,
              "src": [
                "consumeraction-billing",
                "myboca-fcba"
              ],
              "text": "The issuer must acknowledge your letter in writing within 30 days and resolve the dispute within two billing cycles (at most 90 days). While it investigates you need not pay the disputed amount, and it may not report it as late."
            },
            {
              "confirmed": true,
              "src": [
                "krautlaw-fcba",
                "ca-dca-billing-errors"
              ],
              "text": "A phone call alone does not trigger these legal protections; send the letter, ideally by certified mail with a return receipt."
            }
          ],
          "title": "Disputing a charge with your card issuer"
        }
      ]
    }
  ]
};
