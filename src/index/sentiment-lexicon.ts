import type { Language } from '../domain/languages.js';

/**
 * Cold-start sentiment lexicons, one per language. Entry syntax:
 * - `stem`        matches any word starting with the stem ("enttäusch" → "enttäuscht", "enttäuschend");
 * - `word$`       matches the whole word only ("bad$" does not match "badge");
 * - `… @0.5`      overrides the weight (default 1);
 * - `!…`          is never negated (sentence adverbs: "leider" in "funktioniert leider nicht" stays negative);
 * - spaces        multi-word entries ("stopped working"); the longest entry at a word start wins, so a
 *                 phrase beats the single words inside it.
 * Matching is case-insensitive over the canonical form (see lexical.ts). Words whose negative form is a
 * separate word ("uncomfortable", "unbequem", "niewygodny") are listed as negative entries: stems only match
 * at word starts, so "comfortab" never fires inside "uncomfortable".
 */
export interface LanguageLexicon {
  readonly positive: readonly string[];
  readonly negative: readonly string[];
  /** Flip the polarity of a sentiment word within the next 3 tokens of the same clause. */
  readonly negators: readonly string[];
  /** Negators that also act after the word ("funktioniert nicht", "werkt niet", "j'aime pas"). */
  readonly postNegators: readonly string[];
  /** ×1.5 on a sentiment word within the next 2 tokens. */
  readonly intensifiers: readonly string[];
  /** "but"-style connectors: the clause after the last one weighs more, the one before less. */
  readonly contrast: readonly string[];
}

/** Parses a comma-separated entry list (line breaks are separators too; blanks are ignored). */
function list(strings: TemplateStringsArray): readonly string[] {
  return strings
    .join('')
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export const LEXICONS: Readonly<Record<Language, LanguageLexicon>> = {
  en: {
    positive: list`
      great, excellent, love, loving, perfect, recommend, comfortab, comfy, sturdy, solid$, fast, quick,
      amazing, amazed, awesome, fantastic, good$, nice, happy, satisfied, satisfying, pleased, best$,
      brilliant, superb, wonderful, outstanding, impressive, impressed, reliable, durable, easy, well made,
      well-made, well built, worth it, worth every, beautiful, gorgeous, crisp, bargain, value for money,
      enjoy, favorite, favourite, top$, super$, cool$, glad, works$@0.5, work$@0.4, worked$@0.5, working$@0.5,
      work well, works well, works great, fine$@0.4, ok$@0.2, okay$@0.2, decent@0.6, smooth@0.7, handy,
      helpful, useful, five stars, 5 stars, flawless, exceeded, delighted, incredible, stunning,
      lightweight@0.5, convenient, solidly, pleasant, clear$@0.5, no problem, no issues, no complaints,
      intuitive, robust, deep$@0.3, hardly noticeable, clean$@0.4, quiet@0.7, silent@0.6, stable, instant, sharp@0.6, bright@0.5, vivid, crystal clear, punchy, balanced, highlight, buy again, buy it again, lasts$@0.6, easily@0.5, automatically@0.4, first try, on time, fits perfectly, fits exactly, true to size, soft@0.5, safe$@0.4, fun$, entertain, for hours@0.5, sleek, elegant, stylish, modern@0.4, spotless, effortless, in no time, powerful, snappy, responsive, well packaged, well-packaged, intact, justified@0.6, accurate@0.5, spacious@0.5, quickly@0.5, quicker
    `,
    negative: list`
      terrible, awful, horrible, bad$, badly, worse, worst, poor, broke, broken, breaks, stopped working,
      stops working, quit working, died$, dies$, dead$, disappoint, waste, returned, returning, return it,
      refund, uncomfortab, flimsy, slow, cheaply, useless, junk, garbage, rubbish, crap, defective, faulty,
      problem, issue@0.6, annoying, hate, awkward, unreliable, fragile, cracked, cracks, noisy@0.7, fell apart,
      falls apart, fall apart, overpriced, expensive@0.5, hurt, pain$@0.7, painful, mediocre, meh$,
      !unfortunately@0.7, !sadly@0.6, fail, leak, stuck, scratch@0.5, complain, dissatisf, unhappy, regret,
      avoid, flaw, rip-off, ripoff, scam, malfunction, laggy, overheat, doa$, cheap plastic, lacks, lacking,
      barely, tight$@0.5, wobbly, uncomfortably, pinch@0.7, not worth, sent back, sent it back, do not buy,
      don't buy, stay away, worthless, lousy,
      confusing, difficult, hard to, crackl, hiss, distort, muddy, harsh, tinny, drops$, dropping, disconnect, loses, losing, damaged, damage, crushed, torn$, dented, missing, dull, dim$, dimmer, washed out, blurry, grainy, ugly, bulky, dated$, outdated, clunky, loose, thin$@0.5, flicker, lag$, lags$, sluggish, stutter, drain, no longer, anymore@0.5, loud$@0.6, high-pitched, whine, squeak, rattl, smell@0.6, stink, chemical@0.5, boring, bored, lost interest, nightmare, too$@0.5, far too, way too, runs small, runs large, blister, late$@0.5, delayed, delay, sloppy, stains, peel, cheap-looking, looks cheap, expected more, expected better, drives me crazy, overprocessed, harsh
    `,
    negators: list`
      not$, never$, no$, don't, dont$, doesn't, doesnt$, didn't, didnt$, isn't, isnt$, wasn't, wasnt$, aren't,
      weren't, won't, wont$, wouldn't, wouldnt$, can't, cant$, cannot$, couldn't, couldnt$, shouldn't, hardly$,
      without$, neither$, nor$, haven't, hasn't, nothing$,
      less$
    `,
    postNegators: [],
    intensifiers: list`
      very$, really$, extremely$, so$, absolutely$, totally$, highly$, incredibly$, pretty$, truly$, definitely$, super$, quite$, completely$
    `,
    contrast: list`but$, however$`,
  },
  de: {
    positive: list`
      super, toll, empfehl, empfohlen, weiterempfehl, gut$, gute$, guter$, gutes$, gutem$, guten$, beste$,
      bester$, besten$, bestes$, perfekt, klasse$, prima$, top$, hervorragend, ausgezeichnet, exzellent,
      zufrieden, begeistert, genial, wunderbar, wunderschön, schön, bequem, stabil@0.6, robust, solide,
      schnell@0.6, einwandfrei, problemlos, liebe$, lieben, liebt, gefällt, gefallen, funktioniert@0.5,
      klappt@0.5, praktisch, hochwertig, tadellos, spitze, überzeug, angenehm, lohnt, preiswert, günstig@0.5,
      kaufempfehlung, fantastisch, großartig, grossartig, traumhaft, zuverlässig, einfach zu bedienen,
      leicht zu bedienen, einfach zu handhaben, klar$@0.4, ok$@0.2, okay$@0.2, gelungen, überragend,
      erstklassig, sauber verarbeitet, glücklich, freut, spaß,
      intuitiv, leise@0.7, geräuscharm, sofort@0.4, scharf@0.5, gestochen scharf, hell$@0.4, brillant, satt$@0.5, satter@0.5, ausgewogen, highlight, wieder kaufen, wiederkaufen, locker@0.5, mühelos, automatisch@0.4, auf anhieb, beim ersten versuch, reibungslos, pünktlich, früher@0.3, passt genau, passt perfekt, passgenau, weich@0.5, kindersicher, sicher$@0.4, stundenlang@0.5, stilvoll, modern@0.4, blitzsauber, sauber@0.5, kraftvoll, ordentlich@0.6, leistungsstark, flott, volle punktzahl, fünf sterne, 5 sterne, gerechtfertigt@0.6, wert$@0.6, lohnenswert, gut verpackt, unbeschädigt
    `,
    negative: list`
      schlecht, schlimm, furchtbar, schrecklich, katastroph, miserabel, mies, enttäusch, kaputt, defekt,
      zurückgeschickt, zurückgesendet, zurückgegeben, zurückschicken, retour, ärger, mangelhaft, billig@0.6,
      wackel, unbequem, langsam, !schade, !leider@0.7, nervig, nervt, unbrauchbar, müll, schrott,
      geldverschwendung, verschwendung, unzufrieden, problem, fehler, gebrochen, abgebrochen, zerbrochen,
      unzuverlässig, störend, stört, drückt@0.7, nie wieder, finger weg, teuer@0.5, überteuert, reklamation,
      reklamiert, hakt, instabil, fragil, unpraktisch, minderwertig, mangel, geht kaputt, ging kaputt,
      hört auf, aufgehört, versagt, ausgefallen, fällt aus, lästig, umständlich, kompliziert@0.6, unangenehm,
      hässlich, dürftig, klobig, bruch, rissig, riss$, gerissen, abzocke, frechheit, wertlos, nutzlos, schwach,
      ruckelt, undicht, verkratzt, zu teuer,
      schwer zu, schwierig, knister, rausch, klirr, dumpf, blechern, verzerr, bricht ab, bricht ständig, abbrüche, verliert, beschädigt, eingedrückt, aufgerissen, zerrissen, fehlte, fehlt$@0.5, blass, blasser, verwaschen, unscharf, verschwommen, überschärft, altbacken, veraltet, löst sich, löste sich, dünn@0.5, flackert, flimmert, träge, laggt, leer$@0.5, kaum noch, nicht mehr, laut$@0.4, lärm, pfeift, fiept, quietscht, klappert, riecht, stinkt, chemie@0.5, albtraum, alptraum, langweil, viel zu, zu eng, zu klein, zu groß, zu laut, zu dunkel, fallen klein, fällt klein, fallen groß, fällt groß, eng$@0.4, hart$@0.5, tun weh, tut weh, weh$, blasen, verspät, scheiß, scheiße, mist$, mehr erwartet, geht zurück, dunkel@0.4
    `,
    negators: list`
      nicht$, kein, nie$, niemals$, nichts$, ohne$, weder$, kaum$,
      weniger$
    `,
    postNegators: list`nicht$, nie$, niemals$, kaum$`,
    intensifiers: list`
      sehr$, wirklich$, total$, extrem$, absolut$, echt$, richtig$, ziemlich$, besonders$, äußerst$, voll$,
      zu$, so$, mega$, super$, total$, unglaublich$, völlig$, komplett$
    `,
    contrast: list`aber$, jedoch$, allerdings$, dennoch$, trotzdem$`,
  },
  fr: {
    positive: list`
      génial, geniale, parfait, excellent, super$, top$, bien$, bon$, bonne, bons$, recommand, satisfait,
      satisfaite, satisfaisant, content$, contente, ravi, confortable, solide, robuste, rapide, magnifique,
      adore, adoré, aime$, aimé, formidable, impeccable, efficace, pratique, agréable, superbe, merveill,
      idéal, fonctionne@0.5, marche@0.4, nickel, incroyable, bravo, conforme@0.6, fiable, facile, sympa,
      bluffant, au top, excellente, meilleur, qualité au rendez-vous, à la hauteur, vaut le coup, bonheur,
      heureux, heureuse, joli, beau$, belle, léger@0.5, silencieu@0.6, pas mal, aucun problème, sans problème,
      ok$@0.2,
      intuiti, discret, stable, instantané, net$, nette, nettes, lumineu@0.5, équilibr, profond@0.4, point fort, rachèter, racheter, rachète, sans hésiter, facilement@0.4, automatiquement@0.4, premier coup, à temps, en avance, me vont, doux, douce, moelleu, sans danger, amusant, pendant des heures, élégant, moderne@0.4, soigné, irréprochable, puissant, vient à bout, clin d'œil, vaut$@0.5, imbattable, justifié, bien emballé, intact, tient@0.4
    `,
    negative: list`
      déçu, déçue, décevant, déception, cassé, casse$, nul$, nulle, horrible, terrible, mauvais, mauvaise,
      médiocre, inconfortable, fragile, lent$, lente, lents$, bruyant, retourné, renvoyé, renvoyer, retourner,
      rembours, panne, défectueu, défaut, problème, arnaque, éviter, à fuir, fuyez, cher$@0.5, trop cher,
      !dommage, !hélas, !malheureusement@0.7, inutil, catastroph, pire, honteu, regrett, insatisfait,
      mécontent, déconseill, cessé, arrêté de, abîm, rayé, moche, galère, lamentable, pénible, déplorable,
      gâch, fissur, bas de gamme, camelote, mal$, fuite, se casse, se décolle, décollé, perte, gaspillage,
      bof$, ennuyeu, serre@0.5, faible, énervant, agaçant, instable, bancal, cheap$,
      difficile, étouffé, agressi, grésill, crépit, saturé, distor, saute$, sautent, se coupe, coupure, décroche, perd$, échoue, endommag, écrasé, déchiré, manquait, manque$@0.6, terne, délavé, flou, sombre@0.5, daté, démodé, encombrant, vieillot, défait, décousu, scintill, clignot, lag$, rame$, se vide, beaucoup trop, trop petit, trop grand, trop serré, trop étroit, trop sombre, taillent petit, taille petit, taillent grand, étroit@0.4, strident, insupportable, sifflement, grince, odeur, sent fort, chimique@0.5, cauchemar, bâclé, lassé, jeté par les fenêtres, argent jeté, renvoie, retour$@0.6, attendais plus, dure comme
    `,
    negators: list`
      ne$, n$, pas$, jamais$, aucun, aucune, sans$, rien$, ni$, guère$,
      moins$
    `,
    postNegators: list`pas$, jamais$`,
    intensifiers: list`
      très$, vraiment$, trop$, tellement$, extrêmement$, hyper$, vachement$, absolument$, totalement$, si$,
      super$, particulièrement$, complètement$, assez$
    `,
    contrast: list`mais$, cependant$, toutefois$, pourtant$, néanmoins$`,
  },
  es: {
    positive: list`
      genial, perfect, excelente, buen$, buena, bueno, buenís, recomiend, recomendad, recomendable,
      recomendaría, recomendar, encant, satisfech, content, cómod, comod, resistente, robust, rápid, rapid,
      fantástic, maravill, increíble, estupend, magnífic, funciona@0.5, fácil, práctic, ideal, feliz, gusta,
      gustó, gustado, vale la pena, top$, sólid, fiable, eficaz, agradable, cumple, precioso, preciosa, bonit,
      impecable, espectacular, mejor$@0.5, mejores, bien$, ok$@0.2, calidad precio, sin problemas,
      ningún problema, encantado, encantada, silencios@0.6, potente@0.6, liger@0.5, útil,
      intuitiv, merece la pena, merece@0.6, gran$@0.5, estable, instantáne, nítid, brillante@0.5, equilibrad, profund@0.4, punto fuerte, volvería a comprar, volver a comprar, sin dudar, aguanta@0.4, a la primera, automáticamente@0.4, a tiempo, antes de lo previsto, me queda perfect, me quedan perfect, suave, grueso@0.3, seguro@0.3, divertid, durante horas, elegante, moderno@0.4, a fondo@0.4, imbatible, justificad, bien embalado, intacto, vale$@0.3, un poco@0
    `,
    negative: list`
      decepcion, decepción, roto$, rota$, rotos$, rotas$, rompi, se rompe, se rompió, malo, mala, malos, malas,
      malísim, mal$, horrible, terrible, pésim, fatal$, lento$, lenta$, lentos$, lentas$, lentitud, incómod,
      incomod, frágil, fragil, devolv, devuelto, devolución, reembolso, defectu, problema, inútil, basura,
      porquería, desastre, dejó de funcionar, ha dejado de, dejado de funcionar, caro@0.5, ruidos@0.6,
      desilusi, lamentable, peor, fallo, falla, defraudad, estafa, insatisfech, molest, !desgraciadamente,
      !lamentablemente@0.7, !por desgracia, arrepient, tirar el dinero, tirado el dinero, pérdida,
      no lo recomiendo, endeble, flojo, floja, chapuza, aprieta@0.6, duele, rayad, agrietad,
      inestable, mediocre, desperdicio, cutre, aburrid, se despega, despegad, complicad@0.6, no sirve,
      difícil, feo$, fea$, feos$, feas$, apagado, desvaíd, borros, oscur@0.5, anticuad, voluminos, aparatos, descosi, se desprende, parpade, se corta, se cae, pierde, desconect, dañad, aplastad, rasgad, faltaba, falta$@0.5, cruje, crujid, deja mucho que desear@2, deja que desear@2, pitido, insoportable, huele, químico@0.5, pesadilla, perdieron el interés, demasiado$@0.5, tallan pequeñ, talla pequeñ, tallan grande, me quedan grandes, me queda grande, me quedan pequeñ, me queda pequeñ, se sale, estrech@0.4, dura como, tardó@0.5, retraso, mierda, evit, devuelv, se agota@1.5, esperaba más
    `,
    negators: list`
      no$, nunca$, jamás$, ningún$, ninguna$, ninguno$, nada$, sin$, tampoco$, ni$,
      menos$, poco$
    `,
    postNegators: [],
    intensifiers: list`
      muy$, realmente$, totalmente$, súper$, super$, bastante$, extremadamente$, tan$, increíblemente$, absolutamente$, completamente$, sumamente$
    `,
    contrast: list`pero$, sin embargo, no obstante`,
  },
  it: {
    positive: list`
      ottim, perfett, eccellent, fantastic, consiglio, consigliat, consiglierei, consigliabile, soddisfatt,
      contento, contenta, comod, solid, robust, veloce, rapid, bello, bella, belli$, belle$, bellissim, buon,
      benissimo, bene$, ben fatto, super$, top$, stupend, magnific, meraviglios, adoro, adora, piace, piaciut,
      funziona@0.5, pratic, facile, affidabil, incredibil, favolos, valido, valida, eccezional, impeccabil,
      ideale, felice, soddisfacent, gradevol, piacevol, silenzios@0.6, leggero@0.4, potente@0.6, efficac,
      utile, nessun problema, senza problemi, vale la pena, ne vale, ok$@0.2, migliore, miglior$,
      intuitiv, stabil, immediat@0.5, nitid, luminos@0.5, bilanciat, equilibrat, profond@0.4, punto di forza, ricomprerei, ricomprare, senza pensarci, tranquillamente@0.5, al primo colpo, automaticamente@0.4, puntual, in anticipo, velocissim, mi calza, calza perfettamente, morbid, profuma, sicur@0.3, divertent, per ore, elegant, modern@0.4, curat, imbattibil, giustificat, ben imballat, integro, facilissim, spettacol, tiene@0.4, un po'@0, un po$@0
    `,
    negative: list`
      delus, deludent, rott, pessim, terribil, orribil, scadent, brutt, male$, scomod, fragil, lento$, lenta$,
      lenti$, lentissim, rumoros@0.6, restituit, restituir, reso$@0.7, rimbors, difettos, difetto, problem,
      inutil, spazzatura, schifo, !peccato, !purtroppo@0.7, sconsigli, smesso di funzionare, smette di,
      caro@0.5, costoso@0.5, insoddisf, scarso, scarsa, scarsi, mediocr, peggior, peggio, guasto, guasta,
      truffa, vergogn, fastidi, si rompe, si è rotto, buttati, soldi buttati, spreco, stringe@0.6, fanno male,
      fa male, graffiat, crepat, instabil, traballa, complicat@0.6, noios, si stacca, staccat,
      non vale,
      difficil, ovattat, gracchi, fruscia, distort, cade$, cadono, perde$, si disconnette, fallisce, danneggiat, schiacciat, strappat, mancava, manca$@0.5, spento, sbiadit, sfocat, scur@0.5, datato, ingombrant, antiquat, scucit, sfarfall, lampeggi, si scarica, troppo$@0.5, fischio, insopportabil, odore, puzza, chimic@0.5, incubo, approssimativ, stufat, annoi, vestono piccol, veste piccol, vestono grand, mi stanno grandi, mi sta grande, mi stanno piccol, strett@0.4, duro come, dura come, ritard, seccatura, restituisc, da evitare, evitare, aspettavo di più
    `,
    negators: list`
      non$, mai$, nessun, niente$, nulla$, senza$, né$, neanche$, nemmeno$,
      meno$, poco$
    `,
    postNegators: [],
    intensifiers: list`
      molto$, davvero$, veramente$, assolutamente$, estremamente$, proprio$, tanto$, così$, parecchio$, decisamente$, super$, particolarmente$, davvero$, completamente$
    `,
    contrast: list`ma$, però$, tuttavia$, eppure$`,
  },
  nl: {
    positive: list`
      geweldig, perfect, uitstekend, goed$, goede$, prima$, top$, super$, aanrader, aan te raden, aanbevel,
      tevreden, blij$, blije$, mooi, fijn, comfortabel, stevig, degelijk, snel@0.5, fantastisch, prachtig, heerlijk,
      handig, makkelijk, gemakkelijk, werkt@0.5, betrouwbaar, lekker, topper, toppie, klasse, tof$, leuk,
      ideaal, waar voor je geld, uitstekende, fantastische, schitterend, perfecte, beste$, sterk$@0.5, solide,
      stil$@0.5, stille$@0.5, licht$@0.3, zeker een aanrader, geen problemen, geen enkel probleem,
      zonder problemen, ok$@0.2, oké@0.2, genieten, geniet, aangenaam, krachtig@0.6, effectief, nuttig,
      briljant, indrukwekkend,
      intuïtief, intuitief, stabiel, meteen@0.3, scherp@0.5, haarscherp, helder@0.5, gebalanceerd, hoogtepunt, weer kopen, opnieuw kopen, zonder twijfel, gaat de hele dag mee, gaat lang mee, moeiteloos, automatisch@0.4, in één keer, vlot, op tijd, dag eerder, past perfect, past precies, zacht, dik$@0.3, veilig@0.4, uren mee, urenlang, elegant, strak@0.5, modern@0.4, verzorgd, fluitje van een cent, geld waard, waard$@0.6, terecht@0.5, goed verpakt, onbeschadigd
    `,
    negative: list`
      teleurgesteld, teleurstell, kapot, slecht, vreselijk, verschrikkelijk, waardeloos, waardeloze, !jammer,
      !helaas@0.7, traag, oncomfortabel, fragiel, wiebel, teruggestuurd, retour, geretourneerd, terugsturen,
      terug gestuurd, defect, probleem, problemen, nutteloos, rommel, troep, zonde, gebroken, brak$, is stuk,
      ontevreden, irritant, lelijk, duur@0.5, matig, ondermaats, afrader, af te raden, geldverspilling,
      lawaai@0.6, herrie@0.6, stopte, houdt op, doet het niet, gaat stuk, ging stuk, knelt@0.6, pijn,
      beschadigd, kras, krassen, lek$, lekt, ingewikkeld@0.6, onhandig, onbruikbaar, onbetrouwbaar,
      zwak, saai, slechte, slechtste, rampzalig, drama, miskoop, oplichterij, instabiel, vies,
      lastig, moeilijk, wachten@0.5, dof$, schuren, kraakt, kraken, ruis, vervormd, valt weg, valt constant weg, verliest, mislukt, gescheurd, gedeukt, ontbrak, ontbreekt, flets, wazig, onscherp, overbewerkt, donker@0.5, gedateerd, log$, lomp, ouderwets, liet los, laat los, dun$@0.5, minderwaardig, flikker, hapert, loopt leeg, leeg$@0.5, nauwelijks nog, luid@0.5, piep, fluit$, stinkt, ruikt, chemisch@0.5, nachtmerrie, verveeld, veel te, te klein, te groot, te smal, te donker, te krap, valt klein, vallen klein, valt groot, vallen groot, smal$@0.3, keihard, vertraging, niet kopen, stuur ik terug, gaat terug, valt tegen, tegenvallen, viel tegen, meer verwacht, krast
    `,
    negators: list`
      niet$, geen$, nooit$, niets$, niks$, zonder$, noch$, nauwelijks$,
      minder$
    `,
    postNegators: list`niet$, nooit$`,
    intensifiers: list`
      heel$, erg$, zeer$, echt$, ontzettend$, enorm$, hartstikke$, te$, zo$, behoorlijk$, extreem$, bijzonder$,
      uiterst$, super$, supergoed, totaal$, helemaal$, best$
    `,
    contrast: list`maar$, echter$, toch$`,
  },
  pl: {
    positive: list`
      świetn, super$, polec, godny polecenia, doskonał, idealn, rewelac, znakomit, wspaniał, fantastyczn, dobr,
      zadowolon, wygodn, solidn, wytrzymał, szybk@0.6, ładn, piękn, fajn, genialn, bez zarzutu, działa@0.5,
      spełnia, warto, wart$@0.6, warta$@0.6, zachwyc, profesjonaln, trwał, komfort, łatw, przyjemn, najlepsz,
      cudown, praktyczn, top$, ok$@0.2, okej@0.2, git$, bez problemu, bezproblemow, bez problemów, niezawodn,
      mocn@0.4, cich@0.4, lekk@0.4, rewelka, ekstra, extra, perfekcyjn, sprawdza się, zgodn@0.5, uwielbia,
      kocham, lubi, przydatn, użyteczn, wydajn@0.5, stabiln, poręczn, efektown,
      intuicyjn, natychmiast, ostr@0.5, jasn@0.4, zbalansowan, najmocniejsza strona, mocna strona, kupiłbym, kupiłabym, kupię ponownie, spokojnie@0.5, bez trudu, automatyczn@0.4, za pierwszym razem, błyskawiczn@0.7, na czas, dzień wcześniej, pasują idealnie, miękk, bezpieczn@0.4, zabawn, frajd, godzinami@0.5, elegancki, elegancko, śliczn, nowoczesn@0.4, dokładn@0.5, uzasadnion@0.5, dobrze zapakowan, nieuszkodzon, tani$@0.3, tania$@0.3, tanie$@0.3, trzyma@0.4
    `,
    negative: list`
      rozczarow, zepsu, popsu, zawiod, zawiedzion, zawód, okropn, straszn, fataln, beznadziej, kiepsk, słab,
      zły$, zła$, złe$, złej$, złego$, źle$, tandet, niewygodn, powoln, wolno działa, zwróc, zwrot, odesłał,
      odesłam, reklamac, wadliw, wada, wady$, usterk, problem, bezużyteczn, szajs, bubel, badziew, śmieć,
      śmieci, strata pieniędzy, !szkoda, !niestety@0.7, przestał działać, przestała działać, przestało działać,
      przestał, przestała, nietrwał, niezadowol, niedobr, pęk, złamał, rozpad, rozleci, odradzam, unikać,
      omijać, porażk, masakr, żałuj, drogi$@0.4, za drogi, uciska@0.6, obciera@0.6, boli, bolą, porysow, rysuj,
      rysy$, nieprzyjemn, nieprakty, niestabiln, irytując, denerw, chybotliw, nudn, skomplikowan@0.6,
      głośn@0.4, hałas@0.5, przecieka, odkleja, odpada, marn, nieudan, nie działa, nie polecam,
      trudn, płask@0.5, kłują, trzeszcz, szumi, zniekształc, zrywa, gubi, traci, rozłącza, się nie udaje, uszkodzon, zgniecion, rozerwan, brakowało, brakuje, bledsz, blad, rozmyt, nieostr, ciemn@0.5, toporn, staroświeck, przestarzał, brzydk, pruje, rozpruł, cienk@0.5, miga, migocze, wolny$@0.6, wolna$@0.6, wolne$@0.5, zacina, męczy się, rozładowuje@1.5, tragiczn, prawie nie, pisk, piszczy, śmierdzi, chemi@0.5, koszmar, byle jak, straciły zainteresowanie, znudzi, za małe, za mały, za mała, za duże, za duży, za duża, za wąsk, za ciasn, zbyt$@0.5, twarda$@0.4, twardy$@0.4, twarde$@0.4, wyskakuje, opóźni, odsył, uciążliw, spodziewał@0.5, mało$@0.6
    `,
    negators: list`
      nie$, żaden$, żadn, nigdy$, bez$, ani$, nic$,
      mniej$
    `,
    postNegators: [],
    intensifiers: list`
      bardzo$, naprawdę$, mega$, totalnie$, niesamowicie$, super$, szczególnie$, wyjątkowo$, niezwykle$, całkiem$, dość$, strasznie$, absolutnie$, kompletnie$, ogromnie$
    `,
    contrast: list`ale$, jednak$, lecz$, natomiast$`,
  },
};
