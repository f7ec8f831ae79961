console.log("docgen");
